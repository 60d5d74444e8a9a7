import * as v from "valibot";
import { MAX_TEXT_LENGTH } from "./limits.ts";

/** Who can send messages (docs: Types → SenderType). */
export const SenderType = {
	VISITOR: "visitor",
	TEAM_MEMBER: "team_member",
	AI: "ai",
} as const;

export type SenderType = (typeof SenderType)[keyof typeof SenderType];

export const senderTypeSchema = v.picklist([
	SenderType.VISITOR,
	SenderType.TEAM_MEMBER,
	SenderType.AI,
]);

/** Structure for pre-conversation welcome messages (docs: Types → DefaultMessage). */
export const defaultMessageSchema = v.object({
	content: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
	senderType: senderTypeSchema,
	/** Optional user / AI agent id the message is attributed to. */
	senderId: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

export type DefaultMessage = v.InferOutput<typeof defaultMessageSchema>;
