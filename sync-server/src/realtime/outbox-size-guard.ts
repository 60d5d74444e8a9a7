import { CloseCodes, LIMITS } from "@cossistant/types";
import * as Y from "yjs";

/** Re-measure an outbox's real size after this many bytes of client updates. */
const CHECK_EVERY_BYTES = 64 * 1024;

/**
 * Caps the size of outbox documents, the one kind of document clients write. Measuring a
 * document's state costs O(size), so it is done only every {@link CHECK_EVERY_BYTES} of incoming
 * updates (amortised O(1) per byte). An outbox over {@link LIMITS.maxOutboxBytes} gets its socket
 * closed with 4413 `outbox_too_large`; a client that prunes settled commands never gets there.
 */
export class OutboxSizeGuard {
	private readonly sinceCheck = new WeakMap<Y.Doc, number>();

	constructor(private readonly maxBytes: number = LIMITS.maxOutboxBytes) {}

	/** Returns a close instruction when `doc` would exceed the cap after `incoming` bytes. */
	check(doc: Y.Doc, incoming: number): { code: number; reason: string } | null {
		const pending = (this.sinceCheck.get(doc) ?? 0) + incoming;
		if (pending < CHECK_EVERY_BYTES && incoming < this.maxBytes) {
			this.sinceCheck.set(doc, pending);
			return null;
		}
		this.sinceCheck.set(doc, 0);
		const size = Y.encodeStateAsUpdate(doc).byteLength + incoming;
		return size > this.maxBytes ? { code: CloseCodes.TooLarge, reason: "outbox_too_large" } : null;
	}
}
