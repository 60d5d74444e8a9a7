import * as z from "zod";
import { isoDateSchema } from "./ids.ts";
import { visitorMetadataSchema } from "./metadata.ts";

/** Contact information for an identified visitor (docs: Types → PublicContact). */
export const publicContactSchema = z.object({
	id: z.string(),
	externalId: z.string().nullable(),
	email: z.string().nullable(),
	name: z.string().nullable(),
	image: z.string().nullable(),
	metadata: visitorMetadataSchema,
});

/** The visitor object returned to the widget (docs: Types → PublicVisitor). */
export const publicVisitorSchema = z.object({
	id: z.string(),
	language: z.string().nullable(),
	timezone: z.string().nullable(),
	isBlocked: z.boolean(),
	contact: publicContactSchema.nullable(),
});

/** Information about a human support agent (docs: Types → HumanAgent). */
export const humanAgentSchema = z.object({
	id: z.string(),
	name: z.string(),
	image: z.string().nullable(),
	lastSeenAt: isoDateSchema.nullable(),
});

/** Information about an AI support agent (docs: Types → AIAgent). */
export const aiAgentSchema = z.object({
	id: z.string(),
	name: z.string(),
	image: z.string().nullable(),
});

/** Website configuration and agent availability (docs: Types → PublicWebsiteResponse). */
export const publicWebsiteResponseSchema = z.object({
	id: z.string(),
	name: z.string(),
	availableHumanAgents: z.array(humanAgentSchema),
	availableAIAgents: z.array(aiAgentSchema),
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
