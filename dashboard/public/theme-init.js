// Applies the stored (or the system's) theme before the first paint: no flash of the wrong theme.
try {
	const theme = localStorage.getItem("cossistant:dashboard-theme");
	const dark = theme ? theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
	document.documentElement.dataset.theme = dark ? "dark" : "light";
} catch {
	// Storage blocked: the light theme stays.
}
