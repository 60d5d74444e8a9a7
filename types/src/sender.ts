import * as z from "zod/mini";
import { LIMITS } from "./limits.ts";

/** Who can send messages (docs: Types → SenderType). */
export const SenderType = {
	VISITOR: "visitor",
	TEAM_MEMBER: "team_member",
	AI: "ai",
} as const;

export type SenderType = (typeof SenderType)[keyof typeof SenderType];

export const senderTypeSchema = z.enum([SenderType.VISITOR, SenderType.TEAM_MEMBER, SenderType.AI]);

/** Structure for pre-conversation welcome messages (docs: Types → DefaultMessage). */
export const defaultMessageSchema = z.object({
	content: z.string().check(z.minLength(1), z.maxLength(LIMITS.maxTextLength)),
	senderType: senderTypeSchema,
	/** Optional user / AI agent id the message is attributed to. */
	senderId: z.optional(z.string().check(z.maxLength(64))),
});

export type DefaultMessage = z.infer<typeof defaultMessageSchema>;
