import { useCallback, useState } from "react";

export type Theme = "light" | "dark";
const KEY = "cossistant:dashboard-theme";

/** Light / dark theme on `<html data-theme>`, remembered on the device (index.html applies it early). */
export function useTheme(): [Theme, () => void] {
	const [theme, setTheme] = useState<Theme>(() =>
		document.documentElement.dataset.theme === "dark" ? "dark" : "light",
	);
	const toggle = useCallback(() => {
		setTheme((current) => {
			const next: Theme = current === "dark" ? "light" : "dark";
			document.documentElement.dataset.theme = next;
			try {
				localStorage.setItem(KEY, next);
			} catch {
				// Private mode: the choice lasts for this page only.
			}
			return next;
		});
	}, []);
	return [theme, toggle];
}
