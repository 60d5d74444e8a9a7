// @vitest-environment happy-dom
import { type SupportEvent, useSupportEvents } from "@cossistant/react";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createRef, useEffect } from "react";
import { uuidv7 } from "uuidv7";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { Support, type SupportHandle } from "../src/index.ts";
import { connectAgent, type TestAgent } from "./support/agent.ts";
import { openWidget, renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

/** Records what `useSupportEvents()` subscribers receive. */
function EventLog({ into }: { into: SupportEvent[] }) {
	const events = useSupportEvents();
	useEffect(() => {
		if (!events) return;
		const stops = (["conversationStart", "messageSent", "messageReceived", "error"] as const).map(
			(type) => events.subscribe(type, (event) => into.push(event)),
		);
		return () => {
			for (const stop of stops) stop();
		};
	}, [events, into]);
	return null;
}

describe("<Support /> against a real sync-server", () => {
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

	async function sendFromComposer(dialog: HTMLElement, text: string) {
		const input = await within(dialog).findByRole("textbox", { name: "Message" });
		fireEvent.change(input, { target: { value: text } });
		fireEvent.keyDown(input, { key: "Enter" });
	}

	it("opens with zero config, shows the home page and closes with Escape", async () => {
		renderWidget(server, <Support />);
		const trigger = await screen.findByRole("button", { name: "Open support" });
		expect(trigger.getAttribute("aria-expanded")).toBe("false");
		const dialog = await openWidget();
		expect(trigger.getAttribute("aria-expanded")).toBe("true");
		expect(trigger.getAttribute("aria-controls")).toBe(dialog.id);
		expect(await within(dialog).findByText("How can we help?")).toBeTruthy();
		await within(dialog).findByRole("heading", { name: "Demo website" });
		expect(document.activeElement).toBe(dialog);

		fireEvent.keyDown(dialog, { key: "Escape" });
		expect(screen.queryByRole("dialog")).toBeNull();
		expect(document.activeElement).toBe(trigger);
	});

	it("starts a conversation whose message reaches an agent; the reply shows and badges the closed trigger", async () => {
		const callbacks: Array<{ name: string; payload: unknown }> = [];
		const subscribed: SupportEvent[] = [];
		const record = (name: string) => (payload: unknown) => callbacks.push({ name, payload });
		renderWidget(
			server,
			<Support
				onConversationStart={record("onConversationStart")}
				onMessageSent={record("onMessageSent")}
				onMessageReceived={record("onMessageReceived")}
				onError={record("onError")}
			>
				<EventLog into={subscribed} />
			</Support>,
		);
		const dialog = await openWidget();
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		await sendFromComposer(dialog, "Hello from the widget");

		// Queued at once, then sent once the server applied it.
		const delivery = () => {
			const message = within(dialog).getByText("Hello from the widget");
			const bubble = message.closest("[data-testid=co-message]") as HTMLElement;
			return within(bubble).getByTestId("co-delivery").textContent;
		};
		await eventually(() => expect(["Sending…", "Sent"]).toContain(delivery()));
		await eventually(() => expect(delivery()).toBe("Sent"), { timeoutMs: 15_000 });

		const start = callbacks.find((c) => c.name === "onConversationStart")?.payload as {
			conversationId: string;
		};
		expect(start).toMatchObject({
			type: "conversationStart",
			conversationId: expect.any(String),
			timestamp: expect.any(Number),
		});
		const conversationId = start.conversationId;
		expect(callbacks.find((c) => c.name === "onMessageSent")?.payload).toMatchObject({
			type: "messageSent",
			conversationId,
			message: { type: "message", parts: [{ type: "text", text: "Hello from the widget" }] },
		});
		expect(subscribed.map((event) => event.type)).toEqual(["conversationStart", "messageSent"]);

		const agentView = await agent.timeline(conversationId);
		expect(agentView.map((item) => item.parts[0])).toContainEqual({
			type: "text",
			text: "Hello from the widget",
		});

		const replyId = await agent.reply(conversationId, "Hi! How can I help?");
		await within(dialog).findByText("Hi! How can I help?", {}, { timeout: 15_000 });
		await eventually(() =>
			expect(callbacks.find((c) => c.name === "onMessageReceived")?.payload).toMatchObject({
				type: "messageReceived",
				conversationId,
				message: { id: replyId, userId: agent.session.user.id },
			}),
		);
		expect(subscribed.some((event) => event.type === "messageReceived")).toBe(true);

		// Close the widget; the next reply badges the trigger.
		fireEvent.click(screen.getByRole("button", { name: /Close support/ }));
		await agent.reply(conversationId, "Are you still there?");
		const trigger = await screen.findByRole(
			"button",
			{ name: /Open support, 1 unread message/ },
			{ timeout: 15_000 },
		);
		expect(within(trigger).getByTestId("co-unread-badge").textContent).toBe("1");
		// Screen readers hear it from a polite status region (a changed label is not announced).
		const announcer = screen.getByTestId("co-unread-announcer");
		expect(announcer.getAttribute("role")).toBe("status");
		expect(announcer.textContent).toBe("1 unread message");

		// Reopening shows the conversation; it is marked seen and the badge clears.
		fireEvent.click(trigger);
		await screen.findByText("Are you still there?");
		expect(announcer.textContent).toBe("");
		await act(async () => {});
		fireEvent.click(screen.getByRole("button", { name: /Close support/ }));
		await screen.findByRole("button", { name: "Open support" }, { timeout: 15_000 });
		expect(callbacks.filter((c) => c.name === "onError")).toEqual([]);
	});

	it("renders message text as text, never as HTML, and only http(s) links", async () => {
		renderWidget(server, <Support defaultOpen />);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		const payload =
			"<img src=x onerror=alert(1)> see https://example.com/docs. or javascript:alert(1)";
		await sendFromComposer(dialog, payload);
		const text = await within(dialog).findByText(
			(_, node) =>
				node?.classList.contains("co-message-text") === true && node.textContent === payload,
		);
		expect(text.querySelector("img")).toBeNull();
		expect(dialog.querySelector(".co-message img")).toBeNull();
		const links = within(text).getAllByRole("link");
		expect(
			links.map((link) => [
				link.getAttribute("href"),
				link.getAttribute("rel"),
				link.getAttribute("target"),
			]),
		).toEqual([["https://example.com/docs", "noopener noreferrer", "_blank"]]);
	});

	it("shows a refused message as failed with retry and discard", async () => {
		const handle = createRef<SupportHandle>();
		const rejections: string[] = [];
		renderWidget(
			server,
			<Support
				ref={handle}
				onError={({ context }) => {
					if (context === "command_rejected") rejections.push(context);
				}}
			/>,
		);
		await screen.findByRole("button", { name: "Open support" });
		// A conversation that does not exist: the server refuses messages to it.
		act(() => handle.current?.openConversation(uuidv7()));
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		await sendFromComposer(dialog, "Into the void");
		const bubble = () =>
			within(dialog).getByText("Into the void").closest("[data-testid=co-message]") as HTMLElement;
		await eventually(
			() => expect(within(bubble()).getByTestId("co-delivery").textContent).toBe("Not delivered"),
			{
				timeoutMs: 20_000,
			},
		);
		expect(rejections).toHaveLength(1);
		fireEvent.click(within(bubble()).getByRole("button", { name: "Retry" }));
		await eventually(() => expect(rejections).toHaveLength(2), { timeoutMs: 20_000 });
		await eventually(() =>
			expect(within(bubble()).getByTestId("co-delivery").textContent).toBe("Not delivered"),
		);
		fireEvent.click(within(bubble()).getByRole("button", { name: "Discard" }));
		await eventually(() => expect(within(dialog).queryByText("Into the void")).toBeNull());
	});

	it("shows the agent typing, uploads an image from the composer, and lists the conversation in history", async () => {
		const starts: string[] = [];
		const handle = createRef<SupportHandle>();
		renderWidget(
			server,
			<Support
				ref={handle}
				defaultOpen
				onConversationStart={({ conversationId }) => starts.push(conversationId)}
			/>,
		);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		await sendFromComposer(dialog, "Can you see my screenshot?");
		await eventually(() => expect(starts).toHaveLength(1));
		const conversationId = starts[0] ?? "";
		await eventually(
			() => {
				const bubble = within(dialog)
					.getByText("Can you see my screenshot?")
					.closest("[data-testid=co-message]") as HTMLElement;
				expect(within(bubble).getByTestId("co-delivery").textContent).toBe("Sent");
			},
			{ timeoutMs: 15_000 },
		);

		agent.typing(conversationId, true);
		await within(dialog).findByText("Demo Admin is typing…", {}, { timeout: 15_000 });
		agent.typing(conversationId, false);
		await eventually(() => expect(within(dialog).queryByText("Demo Admin is typing…")).toBeNull(), {
			timeoutMs: 15_000,
		});

		const input = dialog.querySelector<HTMLInputElement>("input[type=file]");
		if (!input) throw new Error("no file input");
		fireEvent.change(input, {
			target: { files: [new File([PNG], "pixel.png", { type: "image/png" })] },
		});
		expect(within(dialog).getByRole("button", { name: "Remove pixel.png" })).toBeTruthy();
		fireEvent.click(within(dialog).getByRole("button", { name: "Send" }));
		const image = await eventually(
			() => {
				const found = dialog.querySelector<HTMLImageElement>(".co-message-image");
				if (!found) throw new Error("no image yet");
				return found;
			},
			{ timeoutMs: 15_000 },
		);
		expect(image.getAttribute("src")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/uploads\//);
		expect(image.getAttribute("alt")).toBe("pixel.png");
		await eventually(async () =>
			expect((await agent.timeline(conversationId)).at(-1)?.parts[0]).toMatchObject({
				type: "image",
				name: "pixel.png",
			}),
		);

		act(() => handle.current?.navigate({ page: "CONVERSATION_HISTORY" }));
		await within(dialog).findByRole("heading", { name: "Conversations" });
		const card = await within(dialog).findByRole(
			"button",
			{ name: /pixel\.png/ },
			{ timeout: 15_000 },
		);
		// The attachment is marked by an SVG file icon, never by an emoji a system may lack.
		expect(card.querySelector(".co-conversation-card-preview svg")).not.toBeNull();
		expect(card.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
		fireEvent.click(card);
		await within(dialog).findByText("Can you see my screenshot?");
		fireEvent.click(within(dialog).getByRole("button", { name: "Back" }));
		await within(dialog).findByRole("heading", { name: "Conversations" });
	});
});

/** A 1×1 transparent PNG. */
const PNG = Uint8Array.from(
	atob(
		"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
	),
	(char) => char.charCodeAt(0),
);
