import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

const CHANNEL = "cossistant:commits";

/**
 * Sends every committed document update to the other sync-server processes (same Redis), which
 * apply it to their live copy of the document if they have it open, exactly as the committing
 * process does (`LiveDocuments.applyCommitted`; Yjs updates are idempotent).
 *
 * Hocuspocus' Redis extension also converges open documents, through a state-vector exchange
 * that a change on either side starts; when that exchange lost a round, a replica on another
 * process missed the last message of a conversation until the next change (the two-process test
 * failed about one run in ten under load). With this relay every commit reaches every process
 * directly; the extension stays for awareness and as a second path.
 */
export class CommitRelay {
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

	/** Subscribes; `apply` runs for every update committed by another process. */
	async start(apply: (docName: string, update: Uint8Array) => void): Promise<void> {
		this.subscriber.on("message", (_channel: string, message: string) => {
			const relayed = parseRelayed(message);
			if (!relayed) {
				this.logger.warn({ message: message.slice(0, 200) }, "ignored a malformed relayed commit");
				return;
			}
			if (relayed.origin !== this.origin) apply(relayed.docName, relayed.update);
		});
		await this.subscriber.subscribe(CHANNEL);
	}

	/** Publishes a committed update (best effort: the Redis extension's sync is the other path). */
	publish(docName: string, update: Uint8Array): void {
		const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString(
			"base64",
		);
		this.publisher
			.publish(CHANNEL, JSON.stringify({ origin: this.origin, docName, data }))
			.catch((error: unknown) =>
				this.logger.warn({ err: error, docName }, "committed update not relayed"),
			);
	}

	async stop(): Promise<void> {
		this.subscriber.disconnect();
		this.publisher.disconnect();
	}
}

function parseRelayed(
	message: string,
): { origin: string; docName: string; update: Uint8Array } | null {
	try {
		const value = JSON.parse(message) as { origin?: unknown; docName?: unknown; data?: unknown };
		if (
			typeof value.origin !== "string" ||
			typeof value.docName !== "string" ||
			typeof value.data !== "string"
		) {
			return null;
		}
		return {
			origin: value.origin,
			docName: value.docName,
			update: new Uint8Array(Buffer.from(value.data, "base64")),
		};
	} catch {
		return null;
	}
}
