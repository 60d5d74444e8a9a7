import { Redis } from "ioredis";
import * as z from "zod";
import type { Logger } from "../logger.ts";

/** A credential that ended: every process closes the sockets that were opened with it. */
export const socketCloseSchema = z.discriminatedUnion("kind", [
	z.object({ kind: z.literal("session"), id: z.string(), reason: z.string() }),
	z.object({ kind: z.literal("user"), id: z.string() }),
	z.object({ kind: z.literal("visitor"), id: z.string() }),
	z.object({ kind: z.literal("apiKey"), id: z.string() }),
]);
export type SocketClose = z.infer<typeof socketCloseSchema>;

const CHANNEL = "cossistant:socket-closes";

/**
 * Tells the other sync-server processes (same Redis) to close sockets whose credentials this
 * process just ended: a logout, an agent removed or demoted, a visitor blocked, a key revoked.
 * Without it they found out at their next credential sweep (30 s), and a removed agent kept
 * receiving the documents it had open there until its socket closed for another reason (the
 * sweep re-checks sessions, blocks and keys, not memberships).
 */
export class SocketCloseRelay {
	private readonly publisher: Redis;
	private readonly subscriber: Redis;
	/** Tags this process's own messages, which it has already applied. */
	private readonly origin = crypto.randomUUID();

	constructor(
		redisUrl: string,
		private readonly logger: Logger,
	) {
		const options = { lazyConnect: false, maxRetriesPerRequest: 3 } as const;
		this.publisher = new Redis(redisUrl, options);
		this.subscriber = new Redis(redisUrl, options);
	}

	/** Subscribes; `apply` runs for every close published by another process. */
	async start(apply: (close: SocketClose) => void): Promise<void> {
		this.subscriber.on("message", (_channel: string, message: string) => {
			let parsed: unknown;
			try {
				parsed = JSON.parse(message);
			} catch {
				parsed = null;
			}
			const envelope = z.object({ origin: z.string(), close: socketCloseSchema }).safeParse(parsed);
			if (!envelope.success) {
				this.logger.warn({ message: message.slice(0, 200) }, "ignored a malformed socket close");
				return;
			}
			if (envelope.data.origin !== this.origin) apply(envelope.data.close);
		});
		await this.subscriber.subscribe(CHANNEL);
	}

	/** Publishes a close to the other processes (best effort: their sweep is the fallback). */
	publish(close: SocketClose): void {
		this.publisher
			.publish(CHANNEL, JSON.stringify({ origin: this.origin, close }))
			.catch((error: unknown) =>
				this.logger.warn(
					{ err: error, close },
					"socket close not relayed; the sweep will catch it",
				),
			);
	}

	async stop(): Promise<void> {
		this.subscriber.disconnect();
		this.publisher.disconnect();
	}
}
