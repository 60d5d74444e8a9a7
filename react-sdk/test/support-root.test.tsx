// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createRef, lazy, Suspense } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
	Support,
	SupportContent,
	type SupportHandle,
	SupportPage,
	SupportRoot,
	SupportRouter,
	SupportTrigger,
} from "../src/index.ts";

// A Server Component's parts reach the client as elements whose type is a lazy reference to the
// client module (React Flight's "$L"): React.lazy builds the same kind of element type.
const ServerTrigger = lazy(async () => ({ default: SupportTrigger }));
const ServerPage = lazy(async () => ({ default: SupportPage }));

function ServerRenderedPage() {
	return <p>A page registered by a Server Component</p>;
}

declare module "@cossistant/core" {
	interface RouteRegistry {
		ROOT_TEST_PAGE: undefined;
	}
}

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

	it("names an icon-only trigger after what it does; a trigger with text keeps its text", async () => {
		renderWidget(
			server,
			<Support>
				<Support.Trigger>
					{({ isOpen }) => (
						<svg aria-hidden="true" viewBox="0 0 8 8" data-open={isOpen}>
							<circle cx="4" cy="4" r="4" />
						</svg>
					)}
				</Support.Trigger>
			</Support>,
		);
		fireEvent.click(screen.getByRole("button", { name: "Open support" }));
		await screen.findByRole("dialog", { name: "Support" });
		expect(
			screen.getByRole("button", { name: "Close support" }).getAttribute("aria-expanded"),
		).toBe("true");
	});

	it("exports the parts under their own names for Server Components", () => {
		expect(SupportRoot).toBe(Support.Root);
		expect(SupportTrigger).toBe(Support.Trigger);
		expect(SupportContent).toBe(Support.Content);
		expect(SupportRouter).toBe(Support.Router);
		expect(SupportPage).toBe(Support.Page);
	});

	it("recognises parts a Server Component rendered (lazy module references): one trigger, the page registered", async () => {
		const handle = createRef<SupportHandle>();
		const { container } = renderWidget(
			server,
			<Suspense fallback={<p>loading parts</p>}>
				<Support ref={handle}>
					<ServerTrigger asChild>
						<button type="button">Help from the server</button>
					</ServerTrigger>
					<ServerPage name="ROOT_TEST_PAGE" component={ServerRenderedPage} />
				</Support>
			</Suspense>,
		);
		const trigger = await screen.findByRole("button", { name: "Help from the server" });
		expect(container.querySelector(".co-trigger-default")).toBeNull();
		expect(screen.getAllByRole("button")).toHaveLength(1);
		fireEvent.click(trigger);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		act(() => handle.current?.navigate({ page: "ROOT_TEST_PAGE" }));
		expect(await within(dialog).findByText("A page registered by a Server Component")).toBeTruthy();
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
