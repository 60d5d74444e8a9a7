import * as v from "valibot";

/** A credential that ended: every process closes the sockets that were opened with it. */
export const socketCloseSchema = v.variant("kind", [
	v.object({ kind: v.literal("session"), id: v.string(), reason: v.string() }),
	v.object({ kind: v.literal("user"), id: v.string() }),
	v.object({ kind: v.literal("visitor"), id: v.string() }),
	// Not an end: an unblocked visitor's sockets reconnect, so its refused documents are granted.
	v.object({ kind: v.literal("visitorUnblocked"), id: v.string() }),
	v.object({ kind: v.literal("apiKey"), id: v.string() }),
]);
/** One relayed socket close. */
export type SocketClose = v.InferOutput<typeof socketCloseSchema>;
