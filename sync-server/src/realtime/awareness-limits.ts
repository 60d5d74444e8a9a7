import { CloseCodes } from "@cossistant/types";
import * as decoding from "lib0/decoding";

/** Bounds on the awareness (typing indicator) traffic of one socket. */
export interface AwarenessLimits {
	/** Client states one awareness frame may carry (a provider sends its own, or a few it knows). */
	maxStates: number;
	/** Bytes the states of one awareness frame may take. */
	maxBytes: number;
	/** Awareness frames (updates and queries) per socket per second; bursts up to the same number. */
	perSecond: number;
}

/** What to do with one awareness frame: hand it on, drop it silently, or close the socket. */
export type AwarenessVerdict = "pass" | "drop" | { code: number; reason: string };

const TOO_LARGE = { code: CloseCodes.TooLarge, reason: "payload_too_large" } as const;
const MALFORMED = { code: CloseCodes.BadRequest, reason: "bad_request" } as const;

/**
 * Checks awareness frames before Hocuspocus and y-protocols see them. y-protocols decodes and
 * JSON-parses every state of a frame, Hocuspocus does it twice more (a scratch copy for the
 * hooks, then the document's awareness) and relays the result to every peer: a frame of 100 000
 * states under the frame-size cap stalled the whole process. So the header is read first (the
 * state count, a single varint, and the payload's length), and a frame over `maxStates` or
 * `maxBytes` closes the socket before any state is built. Frames over the per-socket rate are
 * dropped: awareness is ephemeral and a provider renews its state every 15 s.
 */
export class AwarenessGate {
	constructor(private readonly limits: AwarenessLimits) {}

	/** A budget for one socket (lives with the socket, so nothing is kept per socket here). */
	budget(): AwarenessBudget {
		return new AwarenessBudget(this.limits.perSecond);
	}

	/**
	 * Judges the payload of an awareness frame (the varUint8Array after the message type):
	 * the state count is read without decoding any state; the states are decoded only when the
	 * frame is within the limits and the socket within its rate.
	 */
	judgeUpdate(payload: Uint8Array, budget: AwarenessBudget): AwarenessVerdict {
		if (payload.byteLength > this.limits.maxBytes) return TOO_LARGE;
		let count: number;
		const states = decoding.createDecoder(payload);
		try {
			count = decoding.readVarUint(states);
		} catch {
			return MALFORMED;
		}
		if (count > this.limits.maxStates) return TOO_LARGE;
		if (!budget.take()) return "drop";
		try {
			for (; count > 0; count -= 1) {
				decoding.readVarUint(states);
				decoding.readVarUint(states);
				JSON.parse(decoding.readVarString(states));
			}
		} catch {
			return MALFORMED;
		}
		return "pass";
	}

	/** Judges an awareness query (the server answers with every state of the document). */
	judgeQuery(budget: AwarenessBudget): AwarenessVerdict {
		return budget.take() ? "pass" : "drop";
	}
}

/** A token bucket of awareness frames for one socket: `perSecond` tokens, refilled per second. */
export class AwarenessBudget {
	private tokens: number;
	private updatedAt = Date.now();

	constructor(private readonly perSecond: number) {
		this.tokens = perSecond;
	}

	/** Takes a token if one is left. */
	take(now = Date.now()): boolean {
		this.tokens = Math.min(
			this.perSecond,
			this.tokens + ((now - this.updatedAt) * this.perSecond) / 1_000,
		);
		this.updatedAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
