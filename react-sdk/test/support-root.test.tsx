// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Support } from "../src/index.ts";
import { renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

// Customization level 5 (full composition) against a real sync-server: `Support.Root` renders
// only its children, `Support.Trigger asChild` turns the developer's own button into the trigger.

describe("<Support.Root> and asChild triggers", () => {
	let server: WidgetServer;

	beforeAll(async () => {
		server = await startWidgetServer();
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await server?.stop();
	});

	it("composes the widget from the parts it is given, with the developer's own button", async () => {
		const clicks: string[] = [];
		const { container } = renderWidget(
			server,
			<Support.Root defaultOpen={false} theme="dark">
				<Support.Trigger asChild className="from-trigger">
					<button className="px-4 py-2" type="button" onClick={() => clicks.push("own handler")}>
						Help
					</button>
				</Support.Trigger>
				<Support.Content side="bottom" align="end" className="custom-content">
					<Support.Router />
				</Support.Content>
			</Support.Root>,
		);
		// No default trigger or window: only the composed parts.
		expect(container.querySelector(".co-trigger-default")).toBeNull();
		expect(screen.getAllByRole("button")).toHaveLength(1);
		const root = container.querySelector(".co-root");
		expect(root?.getAttribute("data-color-scheme")).toBe("dark");

		const trigger = screen.getByRole("button", { name: "Help" });
		expect(trigger.tagName).toBe("BUTTON");
		expect(trigger.className).toBe("co-trigger from-trigger px-4 py-2");
		expect(trigger.getAttribute("aria-haspopup")).toBe("dialog");
		expect(trigger.getAttribute("aria-expanded")).toBe("false");
		expect(screen.queryByRole("dialog")).toBeNull();

		fireEvent.click(trigger);
		expect(clicks).toEqual(["own handler"]);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		expect(dialog.className).toContain("custom-content");
		expect(dialog.getAttribute("data-side")).toBe("bottom");
		expect(trigger.getAttribute("aria-expanded")).toBe("true");
		expect(trigger.getAttribute("aria-controls")).toBe(dialog.id);
		// The router inside the composed window shows the home page from the server's website.
		expect(await within(dialog).findByText("How can we help?")).toBeTruthy();

		fireEvent.keyDown(dialog, { key: "Escape" });
		expect(screen.queryByRole("dialog")).toBeNull();
		expect(document.activeElement).toBe(trigger);
	});

	it("lets the child's own click handler cancel the toggle", () => {
		renderWidget(
			server,
			<Support.Root>
				<Support.Trigger asChild>
					<button type="button" onClick={(event) => event.preventDefault()}>
						Not now
					</button>
				</Support.Trigger>
				<Support.Content />
			</Support.Root>,
		);
		const trigger = screen.getByRole("button", { name: "Not now" });
		fireEvent.click(trigger);
		expect(trigger.getAttribute("aria-expanded")).toBe("false");
		expect(screen.queryByRole("dialog")).toBeNull();
	});

	it("renders nothing of its own: without parts there is no trigger and no window", () => {
		const { container } = renderWidget(
			server,
			<Support.Root defaultOpen>
				<p>Only this</p>
			</Support.Root>,
		);
		expect(screen.queryByRole("button")).toBeNull();
		expect(screen.queryByRole("dialog")).toBeNull();
		expect(container.querySelector(".co-root")?.textContent).toBe("Only this");
	});

	it("takes asChild on the trigger of a plain <Support> too, with a render function", async () => {
		const { container } = renderWidget(
			server,
			<Support>
				<Support.Trigger asChild>
					{({ isOpen }) => <a href="#support">{isOpen ? "Close help" : "Open help"}</a>}
				</Support.Trigger>
			</Support>,
		);
		expect(container.querySelector(".co-trigger-default")).toBeNull();
		const link = screen.getByRole("link", { name: "Open help" });
		fireEvent.click(link);
		await screen.findByRole("dialog", { name: "Support" });
		expect(screen.getByRole("link", { name: "Close help" })).toBe(link);
		expect(link.getAttribute("aria-expanded")).toBe("true");
	});

	it("says what is wrong when asChild gets no single element", () => {
		expect(() =>
			renderWidget(
				server,
				<Support.Root>
					<Support.Trigger asChild>Help</Support.Trigger>
				</Support.Root>,
			),
		).toThrow("<Support.Trigger> with asChild expects exactly one element as its child.");
	});
});
