import * as v from "valibot";
import { MAX_TEXT_LENGTH } from "./limits.ts";

export const senderTypeSchema = v.picklist(["visitor", "team_member", "ai"]);

/** Who can send messages (docs: Types → SenderType). */
export type SenderType = v.InferOutput<typeof senderTypeSchema>;

/**
 * The sender types by name (docs: Types → SenderType). The schema lists the values rather than
 * reading them from here: a property read at a module's top level stays in every bundle, and
 * this object with it, where the schema is not used.
 */
export const SenderType = {
	VISITOR: "visitor",
	TEAM_MEMBER: "team_member",
	AI: "ai",
} as const satisfies Record<string, SenderType>;

/** Structure for pre-conversation welcome messages (docs: Types → DefaultMessage). */
export const defaultMessageSchema = v.object({
	content: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
	senderType: senderTypeSchema,
	/** Optional user / AI agent id the message is attributed to. */
	senderId: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

export type DefaultMessage = v.InferOutput<typeof defaultMessageSchema>;
