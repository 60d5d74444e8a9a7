import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { type HostServer, startHostServer } from "./support/host-page.ts";
import { sendMessage } from "./support/widget-page.ts";
import { expect, test as widgetTest } from "./support/widget-test.ts";

// The docs' behavioural samples as written (doc-samples/: events, hooks, routing, customization
// levels 1 and 2), mounted in Chromium under the Quickstart's SupportProvider against a real
// sync-server and a real agent. The app's own globals they call (analytics, logger…) record
// their calls in `window.appCalls` (doc-samples/browser/app-globals.ts).

/** A call of an app global, as doc-samples/browser/app-globals.ts records it. */
interface AppCall {
	fn: string;
	args: unknown[];
}

declare global {
	interface Window {
		appCalls: AppCall[];
	}
}

const PAGES = ["events", "hooks", "customization", "routing"] as const;
type SamplePage = (typeof PAGES)[number];

const test = widgetTest.extend<
	{ openSamples: (page: SamplePage, settings?: Record<string, string>) => Promise<Page> },
	{ samples: HostServer<SamplePage> }
>({
	samples: [
		async ({ backend }, use) => {
			const dir = resolve(import.meta.dirname, "../../doc-samples/browser");
			const host = await startHostServer(backend.demo, { dir, pages: PAGES });
			await use(host);
			await host.close();
		},
		{ scope: "worker", timeout: 120_000 },
	],
	openSamples: async ({ page, samples }, use) => {
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		await use(async (name, settings) => {
			await page.goto(samples.url(name, settings));
			await page.getByRole("heading", { name: "Doc samples" }).waitFor();
			return page;
		});
		expect(errors, "uncaught errors in the page").toEqual([]);
	},
});

/** What the app's globals were called with so far. */
function appCalls(page: Page): Promise<AppCall[]> {
	return page.evaluate(() => window.appCalls);
}

/** The names and first properties of the `analytics.track` calls so far. */
async function tracked(page: Page): Promise<Array<[string, Record<string, unknown>]>> {
	return (await appCalls(page))
		.filter((call) => call.fn === "analytics.track")
		.map((call) => call.args as [string, Record<string, unknown>]);
}

/** Sends `text` as a new conversation from the open widget. */
async function startConversation(page: Page, text: string): Promise<void> {
	const dialog = page.getByRole("dialog", { name: "Support" });
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	await sendMessage(dialog, text);
}

test("Events: the callback props and the AnalyticsTracker report to the app's analytics", async ({
	openSamples,
	desk,
}) => {
	const page = await openSamples("events");
	await page.getByRole("button", { name: "Open support" }).click();
	await startConversation(page, "Events sample, tracked");
	const conversation = await desk.conversationWithMessage("Events sample, tracked");
	const conversationId = conversation.id;
	const messageId = conversation.lastTimelineItem?.id;

	await expect
		.poll(async () => (await tracked(page)).map(([name]) => name).sort())
		.toEqual(
			[
				"conversation_started",
				"message_sent",
				"support_conversation_started",
				"support_message_sent",
			].sort(),
		);
	const calls = new Map(await tracked(page));
	expect(calls.get("support_conversation_started")).toEqual({ conversationId });
	expect(calls.get("support_message_sent")).toEqual({ conversationId, messageId });
	// The tracker hands the whole event over.
	expect(calls.get("message_sent")).toMatchObject({
		type: "messageSent",
		conversationId,
		message: { id: messageId },
	});

	const replyId = await desk.reply(conversationId, "An agent answers the events sample");
	await expect
		.poll(async () => new Map(await tracked(page)).get("support_message_received"))
		.toEqual({ conversationId, messageId: replyId });
	expect(new Map(await tracked(page)).get("message_received")).toMatchObject({
		conversationId,
		message: { id: replyId },
	});

	await desk.setStatus(conversationId, "resolved");
	await expect
		.poll(async () => new Map(await tracked(page)).get("support_conversation_ended"))
		.toEqual({ conversationId });
	expect((await appCalls(page)).filter((call) => call.fn === "logger.error")).toEqual([]);
});

test("Hooks: useSupport, useSupportConfig, useSupportNavigation, useSupportText, useSupportHandle", async ({
	openSamples,
	desk,
}) => {
	const page = await openSamples("hooks");
	const dialog = page.getByRole("dialog", { name: "Support" });
	// useSupportText outside the widget: the widget's copy.
	await expect(page.getByRole("button", { name: "Ask a question" })).toBeVisible();
	// useSupportConfig: size and the toggle's label follow the widget.
	await expect(page.getByText("Size: normal")).toBeVisible();
	await page.getByRole("button", { name: "Open Support", exact: true }).click();
	await expect(dialog).toBeVisible();
	await expect(page.getByRole("button", { name: "Close Support", exact: true })).toBeVisible();
	// useSupport: its toggle closes and opens the same widget.
	await page.getByRole("button", { name: "Support", exact: true }).click();
	await expect(dialog).toBeHidden();
	await page.getByRole("button", { name: "Support", exact: true }).click();
	await expect(dialog.getByText("How can we help?")).toBeVisible();

	// useSupportNavigation: the current page, navigate, and back once there is history.
	await expect(page.getByText("Current page: HOME")).toBeVisible();
	await page.getByRole("button", { name: "Open Conversation" }).click();
	await expect(page.getByText("Current page: CONVERSATION")).toBeVisible();
	await page.getByRole("button", { name: "← Back" }).click();
	await expect(page.getByText("Current page: HOME")).toBeVisible();
	await expect(page.getByRole("button", { name: "← Back" })).toBeHidden();

	// useSupportHandle inside <Support>: starts a conversation whose message reaches the agent.
	await page.getByRole("button", { name: "Need Help?" }).click();
	await expect(page.getByText("Current page: CONVERSATION")).toBeVisible();
	const conversation = await desk.conversationWithMessage("I need help with my order");
	expect(conversation.id).toBeTruthy();
	await expect(dialog.getByText("I need help with my order")).toBeVisible();
});

test("Routing & Pages: typed navigation to a registered page with params, back, built-in pages", async ({
	openSamples,
}) => {
	const page = await openSamples("routing");
	const dialog = page.getByRole("dialog", { name: "Support" });
	await expect(page.getByText("Page: HOME")).toBeVisible();
	await page.getByRole("button", { name: "Open support" }).click();
	await expect(dialog.getByText("How can we help?")).toBeVisible();

	await page.getByRole("button", { name: "Open settings" }).click();
	await expect(dialog.getByRole("heading", { name: "Settings" })).toBeVisible();
	await expect(dialog.getByText("Current tab: profile")).toBeVisible();
	await expect(page.getByText("Page: SETTINGS")).toBeVisible();
	await dialog.getByRole("button", { name: "← Back" }).click();
	await expect(dialog.getByText("How can we help?")).toBeVisible();

	await page.getByRole("button", { name: "Open settings" }).click();
	await dialog.getByRole("button", { name: "Go Home" }).click();
	await expect(page.getByText("Page: HOME")).toBeVisible();

	await page.getByRole("button", { name: "History" }).click();
	await expect(page.getByText("Page: CONVERSATION_HISTORY")).toBeVisible();
	await expect(dialog.getByRole("heading", { name: "Conversations" })).toBeVisible();
	await page.getByRole("button", { name: "Articles" }).click();
	await expect(dialog.getByRole("heading", { name: "Help articles" })).toBeVisible();
});

test("Customization level 1: classNames reach the trigger and the window", async ({
	openSamples,
}) => {
	const page = await openSamples("customization", { sample: "level-1" });
	const trigger = page.getByRole("button", { name: "Open support" });
	await expect(trigger).toHaveClass(/bg-purple-600 hover:bg-purple-700/);
	await trigger.click();
	await expect(page.getByRole("dialog", { name: "Support" })).toHaveClass(
		/border-purple-200 shadow-2xl/,
	);
});

test("Customization level 2: side, align and offset, flipped to stay in the viewport", async ({
	openSamples,
}) => {
	const page = await openSamples("customization", { sample: "level-2" });
	// The trigger's name changes to "Close support" once open: found by what it controls.
	const trigger = page.locator("[aria-haspopup=dialog]");
	await trigger.click();
	const dialog = page.getByRole("dialog", { name: "Support" });
	await expect(dialog).toBeVisible();
	// Asked for below the bottom-right trigger, where there is no room: flipped above it.
	await expect(dialog).toHaveAttribute("data-side", "top");
	await expect(dialog).toHaveAttribute("data-align", "end");
	const [window, button] = await Promise.all([dialog.boundingBox(), trigger.boundingBox()]);
	expect(window && button && button.y - (window.y + window.height)).toBeCloseTo(16, 0);
	expect(window && button && window.x + window.width).toBeCloseTo(
		(button?.x ?? 0) + (button?.width ?? 0),
		0,
	);
});
