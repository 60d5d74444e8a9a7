import { useEffect, useRef } from "react";

/** What each shortcut does; the workspace decides what that means on the current page. */
export interface ShortcutActions {
	move(delta: 1 | -1): void;
	open(): void;
	back(): void;
	toggleResolved(): void;
	assignToMe(): void;
	note(): void;
	search(): void;
	help(): void;
	command(): void;
}

/** Where typing must not trigger shortcuts. */
function isEditable(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return (
		target.isContentEditable ||
		target instanceof HTMLInputElement ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement
	);
}

/** A modal, menu or popover is open: its own keys win (Escape closes it, letters type). */
function overlayOpen(): boolean {
	return (
		document.querySelector(
			'dialog[open], [role="dialog"][data-state="open"], [role="alertdialog"], [role="menu"][data-state="open"]',
		) !== null
	);
}

/**
 * ⌘K / Ctrl+K anywhere; j / k or arrows, Enter, Escape, r, a, n, / and ?. Letters are ignored
 * while typing in a field (Escape there leaves the field), with modifiers, and while a dialog,
 * menu or popover is open.
 */
export function useShortcuts(actions: ShortcutActions): void {
	const ref = useRef(actions);
	ref.current = actions;
	useEffect(() => {
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.defaultPrevented) return;
			const run = ref.current;
			if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
				event.preventDefault();
				run.command();
				return;
			}
			if (event.ctrlKey || event.metaKey || event.altKey) return;
			if (overlayOpen()) return;
			const target = event.target;
			if (isEditable(target)) {
				if (event.key === "Escape") {
					// Leave the field and keep what was typed (a search box would clear itself).
					event.preventDefault();
					(target as HTMLElement).blur();
				}
				return;
			}
			// Arrows keep their scrolling meaning inside the timeline.
			const inTimeline = target instanceof HTMLElement && target.closest(".timeline-scroll");
			const inButton =
				target instanceof HTMLButtonElement ||
				(target instanceof HTMLAnchorElement && !target.dataset.rowId);
			switch (event.key) {
				case "j":
					run.move(1);
					break;
				case "k":
					run.move(-1);
					break;
				case "ArrowDown":
					if (inTimeline) return;
					run.move(1);
					break;
				case "ArrowUp":
					if (inTimeline) return;
					run.move(-1);
					break;
				case "Enter":
					// Buttons and links act on their own.
					if (inButton || (target instanceof HTMLAnchorElement && target.dataset.rowId)) return;
					run.open();
					break;
				case "Escape":
					run.back();
					break;
				case "r":
					run.toggleResolved();
					break;
				case "a":
					run.assignToMe();
					break;
				case "n":
					run.note();
					break;
				case "/":
					run.search();
					break;
				case "?":
					run.help();
					break;
				default:
					return;
			}
			event.preventDefault();
		};
		window.addEventListener("keydown", onKeyDown);
		return () => window.removeEventListener("keydown", onKeyDown);
	}, []);
}
