// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { Support } from "../src/index.ts";
import { connectAgent, type TestAgent } from "./support/agent.ts";
import { axeViolations } from "./support/axe.ts";
import { renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

describe("accessibility of the default widget", () => {
	let server: WidgetServer;
	let agent: TestAgent;

	beforeAll(async () => {
		server = await startWidgetServer();
		agent = await connectAgent(server);
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		agent?.destroy();
		await server?.stop();
	});

	it("has no axe violations on the closed trigger, the home page and a conversation", async () => {
		const starts: string[] = [];
		const { container } = renderWidget(
			server,
			<Support
				quickOptions={["How does billing work?"]}
				onConversationStart={({ conversationId }) => starts.push(conversationId)}
			/>,
		);
		await screen.findByRole("button", { name: "Open support" });
		expect(await axeViolations(container)).toEqual([]);

		fireEvent.click(screen.getByRole("button", { name: "Open support" }));
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		await within(dialog).findByRole("heading", { name: "Demo website" });
		expect(await axeViolations(container)).toEqual([]);

		fireEvent.click(within(dialog).getByRole("button", { name: "Ask a question" }));
		const input = await within(dialog).findByRole("textbox", { name: "Message" });
		fireEvent.change(input, { target: { value: "Hello, see https://example.com" } });
		fireEvent.keyDown(input, { key: "Enter" });
		await eventually(() => expect(starts).toHaveLength(1));
		await eventually(
			() => expect(within(dialog).getByTestId("co-delivery").textContent).toBe("Sent"),
			{ timeoutMs: 15_000 },
		);
		await agent.reply(starts[0] ?? "", "Hi! Happy to help.");
		await within(dialog).findByText("Hi! Happy to help.", {}, { timeout: 15_000 });
		expect(await axeViolations(container)).toEqual([]);
	});

	it("keeps Tab inside the open window and Escape returns focus to the trigger", async () => {
		renderWidget(server, <Support />);
		const trigger = await screen.findByRole("button", { name: "Open support" });
		fireEvent.click(trigger);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		await within(dialog).findByRole("heading", { name: "Demo website" });
		const buttons = within(dialog).getAllByRole("button");
		const first = buttons[0] as HTMLElement;
		const last = buttons.at(-1) as HTMLElement;
		last.focus();
		fireEvent.keyDown(last, { key: "Tab" });
		expect(document.activeElement).toBe(first);
		fireEvent.keyDown(first, { key: "Tab", shiftKey: true });
		expect(document.activeElement).toBe(last);
		fireEvent.keyDown(last, { key: "Escape" });
		expect(screen.queryByRole("dialog")).toBeNull();
		expect(document.activeElement).toBe(trigger);
	});
});
