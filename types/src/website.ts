import * as v from "valibot";
import { isoDateSchema } from "./ids.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { replyTimeMinutesSchema } from "./reply-time.ts";

/** Contact information for an identified visitor (docs: Types → PublicContact). */
export const publicContactSchema = v.object({
	id: v.string(),
	externalId: v.nullable(v.string()),
	email: v.nullable(v.string()),
	name: v.nullable(v.string()),
	image: v.nullable(v.string()),
	metadata: visitorMetadataSchema,
});

/** The visitor object returned to the widget (docs: Types → PublicVisitor). */
export const publicVisitorSchema = v.object({
	id: v.string(),
	language: v.nullable(v.string()),
	timezone: v.nullable(v.string()),
	isBlocked: v.boolean(),
	contact: v.nullable(publicContactSchema),
});

/** Information about a human support agent (docs: Types → HumanAgent). */
export const humanAgentSchema = v.object({
	id: v.string(),
	name: v.string(),
	image: v.nullable(v.string()),
	lastSeenAt: v.nullable(isoDateSchema),
});

/** Information about an AI support agent (docs: Types → AIAgent). */
export const aiAgentSchema = v.object({
	id: v.string(),
	name: v.string(),
	image: v.nullable(v.string()),
});

/** Website configuration and agent availability (docs: Types → PublicWebsiteResponse). */
export const publicWebsiteResponseSchema = v.object({
	id: v.string(),
	name: v.string(),
	availableHumanAgents: v.array(humanAgentSchema),
	availableAIAgents: v.array(aiAgentSchema),
	/**
	 * How long the team usually takes to answer, in minutes (a website setting), or null when
	 * not set. Optional so a bootstrap cached by an older widget still reads.
	 */
	replyTimeMinutes: v.optional(v.nullable(replyTimeMinutesSchema)),
});

/** `GET /v1/websites`: the visitor bootstrap. */
export const websiteBootstrapResponseSchema = v.object({
	website: publicWebsiteResponseSchema,
	visitor: publicVisitorSchema,
	/** Signed token proving this browser is `visitor.id`; send it on every visitor request. */
	visitorToken: v.string(),
});

export type PublicContact = v.InferOutput<typeof publicContactSchema>;
export type PublicVisitor = v.InferOutput<typeof publicVisitorSchema>;
export type HumanAgent = v.InferOutput<typeof humanAgentSchema>;
export type AIAgent = v.InferOutput<typeof aiAgentSchema>;
export type PublicWebsiteResponse = v.InferOutput<typeof publicWebsiteResponseSchema>;
export type WebsiteBootstrapResponse = v.InferOutput<typeof websiteBootstrapResponseSchema>;
