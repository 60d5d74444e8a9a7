import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

/**
 * One Redis pub/sub channel between the sync-server processes: every process publishes JSON
 * messages and receives those of the others (its own, already applied locally, are skipped).
 * Best effort: a message lost here must have another path (see its users).
 */
export class RedisRelay<T> {
	private readonly publisher: Redis;
	private readonly subscriber: Redis;
	/** Tags this process's own messages. */
	private readonly origin = crypto.randomUUID();

	constructor(
		redisUrl: string,
		private readonly channel: string,
		private readonly logger: Logger,
	) {
		const options = { lazyConnect: false, maxRetriesPerRequest: 3 } as const;
		this.publisher = new Redis(redisUrl, options);
		this.subscriber = new Redis(redisUrl, options);
	}

	/**
	 * Subscribes; `parse` validates each message from another process (null: ignored, logged)
	 * and `apply` receives the valid ones.
	 */
	async start(parse: (payload: unknown) => T | null, apply: (message: T) => void): Promise<void> {
		this.subscriber.on("message", (_channel: string, raw: string) => {
			let envelope: { origin?: unknown; payload?: unknown } | null = null;
			try {
				envelope = JSON.parse(raw) as { origin?: unknown; payload?: unknown };
			} catch {
				envelope = null;
			}
			if (envelope?.origin === this.origin) return;
			const message = envelope ? parse(envelope.payload) : null;
			if (message === null) {
				this.logger.warn(
					{ channel: this.channel, raw: raw.slice(0, 200) },
					"ignored a malformed relay message",
				);
				return;
			}
			apply(message);
		});
		await this.subscriber.subscribe(this.channel);
	}

	publish(payload: unknown): void {
		this.publisher
			.publish(this.channel, JSON.stringify({ origin: this.origin, payload }))
			.catch((error: unknown) =>
				this.logger.warn({ err: error, channel: this.channel }, "relay message not published"),
			);
	}

	async stop(): Promise<void> {
		this.subscriber.disconnect();
		this.publisher.disconnect();
	}
}
