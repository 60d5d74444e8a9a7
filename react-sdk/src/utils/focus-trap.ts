const FOCUSABLE =
	'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The focused element as seen from `node`'s tree: inside a shadow root (the script-tag embed)
 * `document.activeElement` is only the shadow host, the shadow root knows the real one.
 */
export function activeElementOf(node: Node): Element | null {
	const root = node.getRootNode() as Document | ShadowRoot;
	return "activeElement" in root ? root.activeElement : (node.ownerDocument?.activeElement ?? null);
}

/** The elements Tab can reach inside `container`, in order. */
export function focusableIn(container: HTMLElement): HTMLElement[] {
	return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
		(element) => !element.hidden && element.getAttribute("aria-hidden") !== "true",
	);
}

/**
 * Keeps Tab inside `container`: from the last element to the first, with Shift from the first
 * (or the container itself) to the last. With nothing to focus inside (a page still loading),
 * focus stays on the container. Returns whether it handled the key (the caller then prevents
 * the browser's default move).
 */
export function trapTab(container: HTMLElement, shiftKey: boolean): boolean {
	const elements = focusableIn(container);
	const first = elements[0];
	const last = elements.at(-1);
	if (!first || !last) {
		// Without this, Tab would leave the window for the host page while its chunk loads.
		container.focus();
		return true;
	}
	const active = activeElementOf(container);
	if (shiftKey && (active === first || active === container)) {
		last.focus();
		return true;
	}
	if (!shiftKey && active === last) {
		first.focus();
		return true;
	}
	return false;
}
