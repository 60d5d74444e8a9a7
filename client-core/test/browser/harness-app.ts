// Runs inside Chromium: exposes a real CossistantClient (IndexedDB cache, IndexedDB outbox,
// BroadcastChannel, localStorage identity) to the Playwright test through `window.harness`.
import { CossistantClient, createSupport, preloadConversation } from "../../src/index.ts";

/** When this module started running (ms since navigation start). Read by bench/cold-open. */
const moduleStartedAt = performance.now();

/**
 * sessionStorage key: when it holds ColdOpenOptions, the page starts `coldOpen` as soon as this
 * module runs (bench/cold-open), so nothing sits between script start and client creation.
 */
export const COLD_OPEN_KEY = "harness:coldOpen";

/** What `coldOpen` opens: a conversation expected to show `count` items. */
export interface ColdOpenOptions {
	apiUrl: string;
	publicKey: string;
	conversationId: string;
	count: number;
	timeoutMs?: number;
}

/** Milliseconds since navigation start of each step of a cold open, and what it showed. */
export interface ColdOpenTimings {
	/** The harness bundle's response ended (its parse and evaluation start after). */
	scriptLoadedAt: number | null;
	moduleStartedAt: number;
	clientCreatedAt: number;
	/** `fetchWebsite()` returned (offline: from the stored bootstrap). */
	bootstrappedAt: number;
	/** The view store held `count` items. */
	visibleAt: number;
	items: number;
	lastText: string | null;
	status: string;
}

const support = createSupport({
	featureFlags: ["new-message", "billing-v2"],
	onboarding: { steps: [] },
});

/** What the page exposes as `window.harness`. */
export type HarnessApi = ReturnType<typeof createHarness>;

interface HarnessWindow {
	harness: HarnessApi;
	/** Started by COLD_OPEN_KEY at module start (bench/cold-open). */
	harnessColdOpen?: Promise<ColdOpenTimings>;
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
		/**
		 * Creates the client and times it until the conversation's view store shows `count`
		 * items (bench/cold-open: offline, from IndexedDB).
		 */
		async coldOpen(options: ColdOpenOptions): Promise<ColdOpenTimings> {
			const clientCreatedAt = performance.now();
			client = new CossistantClient({
				apiUrl: options.apiUrl,
				publicKey: options.publicKey,
				support,
			});
			client.events.subscribe("error", (event) =>
				errors.push(`${event.context}: ${event.error.message}`),
			);
			// The page knows from the start which conversation it shows (as from its URL).
			preloadConversation(client, options.conversationId);
			await client.fetchWebsite();
			const bootstrappedAt = performance.now();
			const view = client.conversation(options.conversationId);
			const items = await new Promise<ReturnType<typeof view.state.getState>["items"]>(
				(resolve, reject) => {
					const check = () => {
						const current = view.state.getState().items;
						if (current.length < options.count) return;
						unsubscribe();
						clearTimeout(timer);
						resolve(current);
					};
					const unsubscribe = view.state.subscribe(check);
					const timer = setTimeout(() => {
						unsubscribe();
						reject(new Error(`only ${view.state.getState().items.length} of ${options.count}`));
					}, options.timeoutMs ?? 30_000);
					check();
				},
			);
			const visibleAt = performance.now();
			const script = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find(
				(entry) => entry.name.endsWith("/harness.js"),
			);
			const last = items.at(-1)?.parts[0];
			return {
				scriptLoadedAt: script ? script.responseEnd : null,
				moduleStartedAt,
				clientCreatedAt,
				bootstrappedAt,
				visibleAt,
				items: items.length,
				lastText: last?.type === "text" ? last.text : null,
				status: client.connection.state.getState().status,
			};
		},
	};
}

const harnessWindow = window as unknown as HarnessWindow;
harnessWindow.harness = createHarness();

const coldOpenRequest = sessionStorage.getItem(COLD_OPEN_KEY);
if (coldOpenRequest) {
	sessionStorage.removeItem(COLD_OPEN_KEY);
	harnessWindow.harnessColdOpen = harnessWindow.harness.coldOpen(
		JSON.parse(coldOpenRequest) as ColdOpenOptions,
	);
	// Observed by the bench through `harnessColdOpen`; keep an unobserved failure quiet.
	harnessWindow.harnessColdOpen.catch(() => {});
}
