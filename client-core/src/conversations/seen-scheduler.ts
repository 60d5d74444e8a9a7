import type { ClientEnvironment } from "../platform/environment.ts";

/** Minimum time between two seen marks of one conversation. */
export const SEEN_THROTTLE_MS = 2_000;

/** What the scheduler reads of a conversation: its unread count, and when it changes. */
export interface SeenTarget {
	readonly state: {
		getState(): { unreadCount: number };
		subscribe(listener: () => void): () => void;
	};
}

/** What a SeenScheduler works with. */
export interface SeenSchedulerOptions {
	/** Page visibility and wake-ups (the page shown again, the network back). */
	environment: Pick<ClientEnvironment, "isVisible" | "onWake">;
	/** The conversation's view if it is open (a mark is skipped when it shows nothing unread). */
	find(conversationId: string): SeenTarget | undefined;
	/** The conversation's view, opened if needed (a visible conversation is watched). */
	open(conversationId: string): SeenTarget;
	/** Queues the `conversation.markSeen` command. */
	send(conversationId: string): Promise<void>;
	/** A trailing mark that failed (nobody awaits it). */
	onError(error: unknown): void;
	/** @default Date.now */
	now?: () => number;
}

/**
 * When the visitor's seen marks go out. Every mark is a command the server applies and fans
 * out to the agents, so marks are throttled per conversation ({@link SEEN_THROTTLE_MS}); a
 * conversation on screen is marked automatically whenever it has unread messages and the page
 * is visible, with a trailing mark after the throttle so a message that arrives just after a
 * mark is not left unseen.
 */
export class SeenScheduler {
	private readonly lastSent = new Map<string, number>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly visible = new Map<string, () => void>();
	private readonly now: () => number;

	constructor(private readonly options: SeenSchedulerOptions) {
		this.now = options.now ?? Date.now;
	}

	/**
	 * Marks the conversation seen now, unless nothing is unread in its open view or a mark went
	 * out less than {@link SEEN_THROTTLE_MS} ago; `force` sends it regardless.
	 */
	async markSeen(conversationId: string, { force = false } = {}): Promise<void> {
		const view = this.options.find(conversationId);
		if (!force && view && view.state.getState().unreadCount === 0) return;
		if (!force && this.sinceLast(conversationId) < SEEN_THROTTLE_MS) return;
		this.lastSent.set(conversationId, this.now());
		await this.options.send(conversationId);
	}

	/**
	 * Watches the conversation while it is on screen (`visible`), marking it seen whenever it has
	 * unread messages and the page is visible; `false` stops watching it.
	 */
	setVisible(conversationId: string, visible: boolean): void {
		this.visible.get(conversationId)?.();
		this.visible.delete(conversationId);
		if (!visible) return;
		const view = this.options.open(conversationId);
		const check = () => {
			if (view.state.getState().unreadCount > 0 && this.options.environment.isVisible())
				this.schedule(conversationId);
		};
		const unsubscribe = view.state.subscribe(check);
		const stopWake = this.options.environment.onWake(check);
		this.visible.set(conversationId, () => {
			unsubscribe();
			stopWake();
		});
		check();
	}

	/** Stops watching every conversation and drops trailing marks not sent yet. */
	destroy(): void {
		for (const stop of this.visible.values()) stop();
		this.visible.clear();
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
	}

	private sinceLast(conversationId: string): number {
		return this.now() - (this.lastSent.get(conversationId) ?? 0);
	}

	/** A mark now, or one trailing mark once the throttle allows it (never two pending). */
	private schedule(conversationId: string): void {
		if (this.timers.has(conversationId)) return;
		const mark = () => {
			this.timers.delete(conversationId);
			// Timers count from the event loop's cached time, so on a busy page one can fire a
			// little before its delay has passed by the clock: markSeen would then skip it as
			// throttled and the trailing mark would be lost. Wait out the rest instead.
			const rest = SEEN_THROTTLE_MS - this.sinceLast(conversationId);
			if (rest > 0) {
				this.timers.set(conversationId, setTimeout(mark, rest));
				return;
			}
			void this.markSeen(conversationId).catch((error) => this.options.onError(error));
		};
		mark();
	}
}
