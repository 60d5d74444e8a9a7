import type { Page } from "@playwright/test";
import type { LoggedEvent } from "./host/events.tsx";
import { writeFirstMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

/** The events the host page's callbacks and useSupportEvents tracker received, in order. */
function eventLog(page: Page): Promise<LoggedEvent[]> {
	return page.evaluate(() => window.supportEventLog);
}

/**
 * Both sources' entries of one type, without the timestamp, callbacks first (the two listen on
 * the same bus; their relative order is the subscription order, which is not part of the API).
 */
async function received(page: Page, type: LoggedEvent["type"]) {
	return (await eventLog(page))
		.filter((event) => event.type === type)
		.map(({ timestamp: _timestamp, ...rest }) => rest)
		.sort((a, b) => a.source.localeCompare(b.source));
}

test("callback props and useSupportEvents receive the documented payloads (docs: Events)", async ({
	openHost,
	desk,
}) => {
	const page = await openHost("events");
	const dialog = await writeFirstMessage(page, "Tracking this message");
	const conversation = await desk.conversationWithMessage("Tracking this message");
	const conversationId = conversation.id;

	// onConversationStart / "conversationStart": { conversationId }
	await expect
		.poll(() => received(page, "conversationStart"))
		.toEqual([
			{ source: "callback", type: "conversationStart", conversationId },
			{ source: "useSupportEvents", type: "conversationStart", conversationId },
		]);

	// onMessageSent / "messageSent": { conversationId, message } (the visitor's item, once).
	const sentId = conversation.lastTimelineItem?.id;
	const sent = {
		type: "messageSent",
		conversationId,
		messageId: sentId,
		messageConversationId: conversationId,
		messageText: "Tracking this message",
	};
	await expect
		.poll(() => received(page, "messageSent"))
		.toEqual([
			{ source: "callback", ...sent },
			{ source: "useSupportEvents", ...sent },
		]);

	// onMessageReceived / "messageReceived": the agent's item, never the visitor's own.
	const replyId = await desk.reply(conversationId, "Reply that analytics should see");
	const receivedMessage = {
		type: "messageReceived",
		conversationId,
		messageId: replyId,
		messageConversationId: conversationId,
		messageText: "Reply that analytics should see",
	};
	await expect
		.poll(() => received(page, "messageReceived"))
		.toEqual([
			{ source: "callback", ...receivedMessage },
			{ source: "useSupportEvents", ...receivedMessage },
		]);

	// onConversationEnd / "conversationEnd": the agent resolved it; the timeline says so.
	await desk.setStatus(conversationId, "resolved");
	await expect
		.poll(() => received(page, "conversationEnd"))
		.toEqual([
			{ source: "callback", type: "conversationEnd", conversationId },
			{ source: "useSupportEvents", type: "conversationEnd", conversationId },
		]);
	await expect(dialog.getByText("This conversation was resolved.")).toBeVisible();
	await expect(dialog.getByTestId("co-event").last()).toContainText("resolved");

	// onError / "error": { error, context }, here emitted with useSupportEventEmitter.
	await page.getByRole("button", { name: "Report a problem" }).click();
	await expect
		.poll(() => received(page, "error"))
		.toEqual([
			{
				source: "callback",
				type: "error",
				errorMessage: "checkout failed",
				context: "host_checkout",
			},
			{
				source: "useSupportEvents",
				type: "error",
				errorMessage: "checkout failed",
				context: "host_checkout",
			},
		]);

	// Every event carries a timestamp; nothing fired twice along the way.
	const log = await eventLog(page);
	expect(log.every((event) => Number.isFinite(event.timestamp) && event.timestamp > 0)).toBe(true);
	expect(log).toHaveLength(10);
});
