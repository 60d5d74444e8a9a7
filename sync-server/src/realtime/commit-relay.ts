import * as v from "valibot";
import type { Logger } from "../logger.ts";
import { RedisRelay } from "./redis-relay.ts";

/** A committed update as relayed: the document and the update in base64. */
const relayedCommitSchema = v.object({ docName: v.string(), data: v.pipe(v.string(), v.base64()) });
type RelayedCommit = v.InferOutput<typeof relayedCommitSchema>;

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
	private readonly relay: RedisRelay<RelayedCommit>;

	constructor(redisUrl: string, logger: Logger) {
		this.relay = new RedisRelay(redisUrl, "cossistant:commits", logger);
	}

	/** Subscribes; `apply` runs for every update committed by another process. */
	start(apply: (docName: string, update: Uint8Array) => void): Promise<void> {
		return this.relay.start(
			(payload) => {
				const parsed = v.safeParse(relayedCommitSchema, payload);
				return parsed.success ? parsed.output : null;
			},
			({ docName, data }) => apply(docName, new Uint8Array(Buffer.from(data, "base64"))),
		);
	}

	/** Publishes a committed update (best effort: the Redis extension's sync is the other path). */
	publish(docName: string, update: Uint8Array): void {
		const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString(
			"base64",
		);
		this.relay.publish({ docName, data });
	}

	stop(): Promise<void> {
		return this.relay.stop();
	}
}
