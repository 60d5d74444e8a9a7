import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const KEY = "cossistant:dashboard-theme";
const listeners = new Set<() => void>();

function current(): Theme {
	return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function subscribe(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Applies a theme on `<html data-theme>` and remembers it on the device. */
export function setTheme(next: Theme): void {
	document.documentElement.dataset.theme = next;
	try {
		localStorage.setItem(KEY, next);
	} catch {
		// Private mode: the choice lasts for this page only.
	}
	for (const listener of listeners) listener();
}

function toggleTheme(): void {
	setTheme(current() === "dark" ? "light" : "dark");
}

/**
 * Light / dark theme on `<html data-theme>` (`public/theme-init.js` applies the stored one before
 * the first paint). Every component using it follows a toggle made anywhere.
 */
export function useTheme(): [Theme, () => void] {
	const theme = useSyncExternalStore(subscribe, current, (): Theme => "light");
	return [theme, toggleTheme];
}
