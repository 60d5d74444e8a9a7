// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { focusableIn, trapTab } from "../../src/utils/focus-trap.ts";

function container(html: string): HTMLElement {
	const element = document.createElement("div");
	element.tabIndex = -1;
	element.innerHTML = html;
	document.body.append(element);
	return element;
}

afterEach(() => {
	document.body.innerHTML = "";
});

describe("trapTab", () => {
	it("wraps from the last control to the first, and with Shift from the first to the last", () => {
		const window = container(
			'<button id="a">A</button><input type="file" hidden><button disabled>X</button><textarea id="b"></textarea>',
		);
		expect(focusableIn(window).map((element) => element.id)).toEqual(["a", "b"]);
		(window.querySelector("#b") as HTMLElement).focus();
		expect(trapTab(window, false)).toBe(true);
		expect(document.activeElement?.id).toBe("a");
		expect(trapTab(window, true)).toBe(true);
		expect(document.activeElement?.id).toBe("b");
		// In the middle, the browser's own move is kept.
		(window.querySelector("#a") as HTMLElement).focus();
		expect(trapTab(window, false)).toBe(false);
	});

	it("keeps the focus on the window while it has nothing focusable (a page still loading)", () => {
		const window = container('<p role="status">Loading…</p>');
		window.focus();
		expect(trapTab(window, false)).toBe(true);
		expect(document.activeElement).toBe(window);
		expect(trapTab(window, true)).toBe(true);
		expect(document.activeElement).toBe(window);
	});
});
