// @vitest-environment happy-dom
import { memoryKeyValueStore } from "@cossistant/core";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createRef, useState } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import {
	Header,
	IdentifySupportVisitor,
	type PageComponentProps,
	Support,
	SupportConfig,
	type SupportHandle,
	useSupport,
	useSupportHandle,
	useSupportNavigation,
	useVisitor,
} from "../src/index.ts";
import { connectAgent, type TestAgent } from "./support/agent.ts";
import { renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

declare module "@cossistant/core" {
	interface RouteRegistry {
		TEST_SETTINGS: { tab: string };
	}
}

function SettingsPage({ params }: PageComponentProps<"TEST_SETTINGS">) {
	const { goBack, canGoBack } = useSupportNavigation();
	return (
		<div>
			<Header>Settings</Header>
			<p>Current tab: {params.tab}</p>
			{canGoBack ? (
				<button type="button" onClick={goBack}>
					Leave settings
				</button>
			) : null}
		</div>
	);
}

function ControlledHost({ log }: { log: boolean[] }) {
	const [open, setOpen] = useState(false);
	return (
		<>
			<button type="button" onClick={() => setOpen(true)}>
				External open
			</button>
			<Support
				open={open}
				onOpenChange={(next) => {
					log.push(next);
					setOpen(next);
				}}
			/>
		</>
	);
}

function TopbarButton() {
	const { isOpen, toggle } = useSupport();
	return (
		<button type="button" onClick={toggle}>
			Topbar {isOpen ? "close" : "help"}
		</button>
	);
}

function NeedHelpButton() {
	const support = useSupportHandle();
	return (
		<button type="button" onClick={() => support?.startConversation("I need help with my order")}>
			Need help
		</button>
	);
}

function VisitorName() {
	const { visitor } = useVisitor();
	return <output aria-label="contact">{visitor?.contact?.name ?? "anonymous"}</output>;
}

describe("<Support /> composition against a real sync-server", () => {
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

	it("is controlled by open / onOpenChange", async () => {
		const log: boolean[] = [];
		renderWidget(server, <ControlledHost log={log} />);
		expect(screen.queryByRole("dialog")).toBeNull();
		fireEvent.click(screen.getByRole("button", { name: "External open" }));
		await screen.findByRole("dialog", { name: "Support" });
		fireEvent.click(screen.getByRole("button", { name: /Close support/ }));
		expect(log).toEqual([false]);
		expect(screen.queryByRole("dialog")).toBeNull();
		fireEvent.click(screen.getByRole("button", { name: "Open support" }));
		expect(log).toEqual([false, true]);
		await screen.findByRole("dialog", { name: "Support" });
	});

	it("stays closed when controlled closed, reporting the request", async () => {
		const requests: boolean[] = [];
		renderWidget(server, <Support open={false} onOpenChange={(next) => requests.push(next)} />);
		fireEvent.click(screen.getByRole("button", { name: "Open support" }));
		expect(requests).toEqual([true]);
		expect(screen.queryByRole("dialog")).toBeNull();
	});

	it("takes a custom trigger with render props, and a topbar button through useSupport", async () => {
		const { container } = renderWidget(
			server,
			<>
				<TopbarButton />
				<Support>
					<Support.Trigger className="my-trigger">
						{({ isOpen, unreadCount, isTyping }) => (
							<span>
								{isOpen ? "Close help" : "Help"} ({unreadCount}){isTyping ? " typing" : ""}
							</span>
						)}
					</Support.Trigger>
				</Support>
			</>,
		);
		expect(container.querySelector(".co-trigger-default")).toBeNull();
		const trigger = screen.getByRole("button", { name: "Help (0)" });
		expect(trigger.className).toBe("co-trigger my-trigger");
		fireEvent.click(trigger);
		await screen.findByRole("dialog", { name: "Support" });
		expect(screen.getByRole("button", { name: "Close help (0)" })).toBe(trigger);
		expect(screen.getByRole("button", { name: "Topbar close" })).toBeTruthy();
		fireEvent.click(screen.getByRole("button", { name: "Topbar close" }));
		expect(screen.queryByRole("dialog")).toBeNull();
	});

	it("routes to a custom page with typed params and back", async () => {
		const handle = createRef<SupportHandle>();
		renderWidget(
			server,
			<Support ref={handle} defaultOpen>
				<Support.Page name="TEST_SETTINGS" component={SettingsPage} />
			</Support>,
		);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		act(() => handle.current?.navigate({ page: "TEST_SETTINGS", params: { tab: "profile" } }));
		expect(await within(dialog).findByText("Current tab: profile")).toBeTruthy();
		expect(within(dialog).getByRole("heading", { name: "Settings" })).toBeTruthy();
		fireEvent.click(within(dialog).getByRole("button", { name: "Leave settings" }));
		expect(within(dialog).getByText("How can we help?")).toBeTruthy();
		act(() => handle.current?.replace({ page: "TEST_SETTINGS", params: { tab: "billing" } }));
		expect(within(dialog).getByText("Current tab: billing")).toBeTruthy();
		expect(within(dialog).queryByRole("button", { name: "Back" })).toBeNull();
	});

	it("registers pages from customPages too", async () => {
		const handle = createRef<SupportHandle>();
		renderWidget(
			server,
			<Support
				ref={handle}
				defaultOpen
				customPages={[{ name: "TEST_SETTINGS", component: SettingsPage }]}
			/>,
		);
		await screen.findByRole("dialog", { name: "Support" });
		act(() => handle.current?.navigate({ page: "TEST_SETTINGS", params: { tab: "team" } }));
		expect(await screen.findByText("Current tab: team")).toBeTruthy();
	});

	it("shows SupportConfig's welcome messages and quick options, and stores them with the conversation", async () => {
		const events: string[] = [];
		renderWidget(
			server,
			<>
				<SupportConfig
					defaultMessages={[
						{ content: "Hi Jane, anything I can help with?", senderType: "team_member" },
					]}
					quickOptions={["How does billing work?"]}
				/>
				<Support
					defaultOpen
					onConversationStart={({ conversationId }) => events.push(conversationId)}
				/>
			</>,
		);
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		expect(within(dialog).getByText("Hi Jane, anything I can help with?")).toBeTruthy();
		fireEvent.click(within(dialog).getByRole("button", { name: "How does billing work?" }));
		await eventually(() => expect(events).toHaveLength(1));
		const conversationId = events[0] ?? "";
		const sent = await within(dialog).findByText("How does billing work?", {
			selector: ".co-message-text",
		});
		await eventually(
			() => {
				const bubble = within(dialog)
					.getByText("How does billing work?", { selector: ".co-message-text" })
					.closest("[data-testid=co-message]") as HTMLElement;
				expect(within(bubble).getByTestId("co-delivery").textContent).toBe("Sent");
			},
			{ timeoutMs: 15_000 },
		);
		expect(sent).toBeTruthy();
		const timeline = await agent.timeline(conversationId);
		expect(timeline.map((item) => item.parts[0])).toEqual([
			{ type: "text", text: "Hi Jane, anything I can help with?" },
			{ type: "text", text: "How does billing work?" },
		]);
	});

	it("opens and starts a conversation through useSupportHandle", async () => {
		const starts: string[] = [];
		renderWidget(
			server,
			<Support onConversationStart={({ conversationId }) => starts.push(conversationId)}>
				<NeedHelpButton />
			</Support>,
		);
		fireEvent.click(screen.getByRole("button", { name: "Need help" }));
		const dialog = await screen.findByRole("dialog", { name: "Support" });
		await within(dialog).findByText("I need help with my order", {}, { timeout: 15_000 });
		await eventually(() => expect(starts).toHaveLength(1));
	});

	it("identifies the visitor once per distinct set of parameters", async () => {
		const storage = memoryKeyValueStore();
		let identifyCalls = 0;
		const countingFetch: typeof fetch = (input, init) => {
			if (String(input instanceof Request ? input.url : input).includes("/contacts/identify"))
				identifyCalls += 1;
			return fetch(input, init);
		};
		const ui = (plan: string) => (
			<>
				<IdentifySupportVisitor
					externalId="user_123"
					email="jane@acme.com"
					name="Jane Doe"
					metadata={{ plan }}
				/>
				<VisitorName />
			</>
		);
		const view = renderWidget(server, ui("free"), {
			storage,
			provider: { clientOptions: { fetch: countingFetch } },
		});
		await eventually(
			() => expect(screen.getByRole("status", { name: "contact" }).textContent).toBe("Jane Doe"),
			{
				timeoutMs: 15_000,
			},
		);
		expect(identifyCalls).toBe(1);
		view.rerender(ui("free"));
		await act(async () => {});
		expect(identifyCalls).toBe(1);
		view.unmount();

		// Same visitor (same storage), same parameters: nothing is sent after a reload either.
		const again = renderWidget(server, ui("free"), {
			storage,
			provider: { clientOptions: { fetch: countingFetch } },
		});
		await eventually(() =>
			expect(screen.getByRole("status", { name: "contact" }).textContent).toBe("Jane Doe"),
		);
		await act(async () => {});
		expect(identifyCalls).toBe(1);

		again.rerender(ui("pro"));
		await eventually(() => expect(identifyCalls).toBe(2));
	});
});
