// Runs inside Chromium: exposes a real CossistantClient (IndexedDB cache, IndexedDB outbox,
// BroadcastChannel, localStorage identity) to the Playwright test through `window.harness`.
import { CossistantClient, createSupport } from "../../src/index.ts";

const support = createSupport({
	featureFlags: ["new-message", "billing-v2"],
	onboarding: { steps: [] },
});

/** What the page exposes as `window.harness`. */
export type HarnessApi = ReturnType<typeof createHarness>;

interface HarnessWindow {
	harness: HarnessApi;
}

function createHarness() {
	let client: CossistantClient | null = null;
	const errors: string[] = [];
	const required = () => {
		if (!client) throw new Error("call init() first");
		return client;
	};
	return {
		errors,
		async init(options: { apiUrl: string; publicKey: string }) {
			client = new CossistantClient({ ...options, support });
			client.events.subscribe("error", (event) =>
				errors.push(`${event.context}: ${event.error.message}`),
			);
			await client.fetchWebsite();
			return client.visitorState.getState();
		},
		status: () => required().connection.state.getState().status,
		visitorId: () => required().visitorState.getState().visitor?.id ?? null,
		startConversation: (text: string) => required().startConversation({ initialMessage: text }),
		send: (conversationId: string, text: string) => required().sendMessage(conversationId, text),
		conversationIds: () =>
			required()
				.conversations.state.getState()
				.conversations.map((c) => c.id),
		/** Opens the conversation view and resolves once it shows `count` items (or times out). */
		async waitForItems(conversationId: string, count: number, timeoutMs = 10_000) {
			const view = required().conversation(conversationId);
			const started = performance.now();
			return new Promise<{ ms: number; last: string | null }>((resolve, reject) => {
				const check = () => {
					const items = view.state.getState().items;
					if (items.length >= count) {
						unsubscribe();
						clearTimeout(timer);
						const last = items.at(-1)?.parts[0];
						resolve({
							ms: performance.now() - started,
							last: last?.type === "text" ? last.text : null,
						});
					}
				};
				const unsubscribe = view.state.subscribe(check);
				const timer = setTimeout(() => {
					unsubscribe();
					reject(new Error(`only ${view.state.getState().items.length} of ${count} items`));
				}, timeoutMs);
				check();
			});
		},
		items: (conversationId: string) =>
			required()
				.conversation(conversationId)
				.state.getState()
				.items.map((item) => ({
					id: item.id,
					delivery: item.delivery,
					text: item.parts[0]?.type === "text" ? item.parts[0].text : null,
				})),
		outbox: () =>
			[...required().outbox.state.getState().entries.values()].map((entry) => ({
				id: entry.command.id,
				type: entry.command.type,
				state: entry.state,
			})),
		flag: (name: "new-message" | "billing-v2") => required().isFeatureFlagEnabled(name),
		destroy: () => client?.destroy(),
	};
}

(window as unknown as HarnessWindow).harness = createHarness();
