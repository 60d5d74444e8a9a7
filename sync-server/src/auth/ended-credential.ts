import * as z from "zod";

/** A credential that ended: every process closes the sockets that were opened with it. */
export const socketCloseSchema = z.discriminatedUnion("kind", [
	z.object({ kind: z.literal("session"), id: z.string(), reason: z.string() }),
	z.object({ kind: z.literal("user"), id: z.string() }),
	z.object({ kind: z.literal("visitor"), id: z.string() }),
	// Not an end: an unblocked visitor's sockets reconnect, so its refused documents are granted.
	z.object({ kind: z.literal("visitorUnblocked"), id: z.string() }),
	z.object({ kind: z.literal("apiKey"), id: z.string() }),
]);
export type SocketClose = z.infer<typeof socketCloseSchema>;
