import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { SEEN_THROTTLE_MS, SeenScheduler } from "../../src/conversations/seen-scheduler.ts";

/** A conversation's view as the scheduler reads it: only the unread count. */
function fakeView(unreadCount = 0) {
	return { state: createStore(() => ({ unreadCount })) };
}

function setup({ lag = () => 0 }: { lag?: () => number } = {}) {
	const views = new Map<string, ReturnType<typeof fakeView>>();
	const sent: Array<{ conversationId: string; at: number }> = [];
	const errors: unknown[] = [];
	const wakeListeners = new Set<() => void>();
	const page = { visible: true, failSends: false };
	const scheduler = new SeenScheduler({
		environment: {
			isVisible: () => page.visible,
			onWake: (listener) => {
				wakeListeners.add(listener);
				return () => wakeListeners.delete(listener);
			},
		},
		find: (id) => views.get(id),
		open: (id) => {
			let view = views.get(id);
			if (!view) {
				view = fakeView();
				views.set(id, view);
			}
			return view;
		},
		send: async (conversationId) => {
			if (page.failSends) throw new Error("storage full");
			sent.push({ conversationId, at: Date.now() });
		},
		onError: (error) => errors.push(error),
		now: () => Date.now() - lag(),
	});
	const wake = () => {
		for (const listener of wakeListeners) listener();
	};
	const unread = (id: string, count: number) =>
		views.get(id)?.state.setState({ unreadCount: count });
	return { scheduler, views, sent, errors, page, wake, wakeListeners, unread };
}

describe("SeenScheduler", () => {
	beforeEach(() => {
		vi.useFakeTimers({ now: new Date("2026-11-21T10:00:00.000Z") });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("markSeen skips an open conversation with nothing unread, and marks it with force", async () => {
		const { scheduler, views, sent } = setup();
		views.set("c1", fakeView(0));
		await scheduler.markSeen("c1");
		expect(sent).toEqual([]);
		await scheduler.markSeen("c1", { force: true });
		expect(sent.map((mark) => mark.conversationId)).toEqual(["c1"]);
	});

	it("markSeen marks a conversation that is not open (its unread count is unknown)", async () => {
		const { scheduler, sent } = setup();
		await scheduler.markSeen("c1");
		expect(sent.map((mark) => mark.conversationId)).toEqual(["c1"]);
	});

	it("markSeen is throttled per conversation; force is not", async () => {
		const { scheduler, sent } = setup();
		await scheduler.markSeen("c1");
		await scheduler.markSeen("c2");
		vi.advanceTimersByTime(SEEN_THROTTLE_MS - 1);
		await scheduler.markSeen("c1");
		expect(sent.map((mark) => mark.conversationId)).toEqual(["c1", "c2"]);
		await scheduler.markSeen("c1", { force: true });
		vi.advanceTimersByTime(SEEN_THROTTLE_MS);
		await scheduler.markSeen("c2");
		expect(sent.map((mark) => mark.conversationId)).toEqual(["c1", "c2", "c1", "c2"]);
	});

	it("a visible conversation is marked at once, then once more after the throttle (trailing mark)", async () => {
		const { scheduler, sent, unread } = setup();
		const start = Date.now();
		scheduler.setVisible("c1", true);
		expect(sent).toEqual([]);
		unread("c1", 1);
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toEqual([{ conversationId: "c1", at: start }]);
		// More messages during the throttle: one trailing mark, when the throttle ends.
		unread("c1", 2);
		await vi.advanceTimersByTimeAsync(500);
		unread("c1", 3);
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS - 501);
		expect(sent).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(sent).toEqual([
			{ conversationId: "c1", at: start },
			{ conversationId: "c1", at: start + SEEN_THROTTLE_MS },
		]);
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS * 3);
		expect(sent).toHaveLength(2);
	});

	it("a hidden page is not marked; it is once it wakes up visible", async () => {
		const { scheduler, sent, page, wake, unread } = setup();
		page.visible = false;
		scheduler.setVisible("c1", true);
		unread("c1", 1);
		wake();
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS);
		expect(sent).toEqual([]);
		page.visible = true;
		wake();
		await vi.advanceTimersByTimeAsync(0);
		expect(sent.map((mark) => mark.conversationId)).toEqual(["c1"]);
	});

	it("a conversation that left the screen is no longer watched", async () => {
		const { scheduler, sent, unread, wakeListeners } = setup();
		scheduler.setVisible("c1", true);
		scheduler.setVisible("c1", false);
		expect(wakeListeners.size).toBe(0);
		unread("c1", 1);
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS);
		expect(sent).toEqual([]);
	});

	it("a timer that fires before the clock says the throttle is over waits out the rest", async () => {
		// The scheduler's clock runs 10 ms behind the timers, as on a busy page.
		let lag = 0;
		const { scheduler, sent, unread } = setup({ lag: () => lag });
		scheduler.setVisible("c1", true);
		unread("c1", 1);
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toHaveLength(1);
		unread("c1", 2);
		lag = 10;
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS);
		expect(sent).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(10);
		expect(sent).toHaveLength(2);
	});

	it("reports a trailing mark that failed", async () => {
		const { scheduler, errors, page, unread } = setup();
		page.failSends = true;
		scheduler.setVisible("c1", true);
		unread("c1", 1);
		await vi.advanceTimersByTimeAsync(0);
		expect(errors).toEqual([new Error("storage full")]);
	});

	it("destroy drops trailing marks and stops watching", async () => {
		const { scheduler, sent, unread, wakeListeners } = setup();
		scheduler.setVisible("c1", true);
		unread("c1", 1);
		await vi.advanceTimersByTimeAsync(0);
		unread("c1", 2);
		scheduler.destroy();
		expect(wakeListeners.size).toBe(0);
		await vi.advanceTimersByTimeAsync(SEEN_THROTTLE_MS * 2);
		expect(sent).toHaveLength(1);
	});
});
