import * as z from "zod/mini";
import { isoDateSchema } from "./ids.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { replyTimeMinutesSchema } from "./reply-time.ts";

/** Contact information for an identified visitor (docs: Types → PublicContact). */
export const publicContactSchema = z.object({
	id: z.string(),
	externalId: z.nullable(z.string()),
	email: z.nullable(z.string()),
	name: z.nullable(z.string()),
	image: z.nullable(z.string()),
	metadata: visitorMetadataSchema,
});

/** The visitor object returned to the widget (docs: Types → PublicVisitor). */
export const publicVisitorSchema = z.object({
	id: z.string(),
	language: z.nullable(z.string()),
	timezone: z.nullable(z.string()),
	isBlocked: z.boolean(),
	contact: z.nullable(publicContactSchema),
});

/** Information about a human support agent (docs: Types → HumanAgent). */
export const humanAgentSchema = z.object({
	id: z.string(),
	name: z.string(),
	image: z.nullable(z.string()),
	lastSeenAt: z.nullable(isoDateSchema),
});

/** Information about an AI support agent (docs: Types → AIAgent). */
export const aiAgentSchema = z.object({
	id: z.string(),
	name: z.string(),
	image: z.nullable(z.string()),
});

/** Website configuration and agent availability (docs: Types → PublicWebsiteResponse). */
export const publicWebsiteResponseSchema = z.object({
	id: z.string(),
	name: z.string(),
	availableHumanAgents: z.array(humanAgentSchema),
	availableAIAgents: z.array(aiAgentSchema),
	/**
	 * How long the team usually takes to answer, in minutes (a website setting), or null when
	 * not set. Optional so a bootstrap cached by an older widget still reads.
	 */
	replyTimeMinutes: z.optional(z.nullable(replyTimeMinutesSchema)),
});

/** `GET /v1/websites`: the visitor bootstrap. */
export const websiteBootstrapResponseSchema = z.object({
	website: publicWebsiteResponseSchema,
	visitor: publicVisitorSchema,
	/** Signed token proving this browser is `visitor.id`; send it on every visitor request. */
	visitorToken: z.string(),
});

export type PublicContact = z.infer<typeof publicContactSchema>;
export type PublicVisitor = z.infer<typeof publicVisitorSchema>;
export type HumanAgent = z.infer<typeof humanAgentSchema>;
export type AIAgent = z.infer<typeof aiAgentSchema>;
export type PublicWebsiteResponse = z.infer<typeof publicWebsiteResponseSchema>;
export type WebsiteBootstrapResponse = z.infer<typeof websiteBootstrapResponseSchema>;
