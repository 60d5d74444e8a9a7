import * as z from "zod/mini";
import { idSchema, isoDateSchema } from "./ids.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { pageCursorSchema, pageLimitSchema } from "./pagination.ts";

/**
 * Private REST API (backends with `sk_…`, the dashboard with a session): visitors, contacts and
 * contact organizations. Field schemas here are shared with the commands that apply the changes
 * (`contact.update`, `organization.create`, `organization.update`), so REST and outboxes accept
 * exactly the same values.
 */

/** A person's or a company's display name. */
export const directoryNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(255));

/** An id in the customer's own system (unique per website). */
export const externalIdSchema = z.string().check(z.minLength(1), z.maxLength(255));

/** Only http(s) images: `javascript:` and `data:` URLs never reach a widget. */
export const directoryImageSchema = z.url({ protocol: /^https?$/ }).check(z.maxLength(2_048));

/** Contact emails are stored trimmed and lower-cased (identify() looks them up that way). */
export const contactEmailSchema = z.email().check(z.maxLength(320));

/** The changes a `PATCH /v1/contacts/:id` (or a `contact.update` command) may carry. */
export const contactChangesShape = {
	/** `null` clears it. Shown to the contact's visitors (their PublicContact). */
	name: z.optional(z.nullable(directoryNameSchema)),
	/** `null` clears it; another contact's email is a `conflict`. */
	email: z.optional(z.nullable(contactEmailSchema)),
	image: z.optional(z.nullable(directoryImageSchema)),
	/** Replaced whole; an unchanged SHA-256 of its canonical JSON writes nothing. */
	metadata: z.optional(visitorMetadataSchema),
	/** Moves the contact into an organization of its website (`null`: out of any). */
	organizationId: z.optional(z.nullable(idSchema)),
};

/** The changes of an organization (`organization.update`, `PATCH /v1/organizations/:id`). */
export const organizationChangesShape = {
	name: z.optional(directoryNameSchema),
	/** `null` clears it; another organization's externalId is a `conflict`. */
	externalId: z.optional(z.nullable(externalIdSchema)),
	/** Replaced whole (primitives only). */
	metadata: z.optional(visitorMetadataSchema),
};

const atLeastOneChange = z.refine<Record<string, unknown>>(
	(value) => Object.values(value).some((field) => field !== undefined),
	{ message: "nothing to change" },
);

/** `PATCH /v1/contacts/:id`: at least one field. */
export const updateContactRequestSchema = z
	.strictObject(contactChangesShape)
	.check(atLeastOneChange);

/** `POST /v1/organizations`. Agents of several websites name the website; backends need not. */
export const createOrganizationRequestSchema = z.strictObject({
	name: directoryNameSchema,
	externalId: z.optional(externalIdSchema),
	metadata: z.optional(visitorMetadataSchema),
	websiteId: z.optional(idSchema),
});

/** `PATCH /v1/organizations/:id`: at least one field. */
export const updateOrganizationRequestSchema = z
	.strictObject(organizationChangesShape)
	.check(atLeastOneChange);

/** `POST /v1/visitors/:id/block` and `/unblock`: where the event item goes, if anywhere. */
export const visitorBlockRequestSchema = z.strictObject({
	/** One of the visitor's conversations: the `visitor_blocked` / `visitor_unblocked` event goes there. */
	conversationId: z.optional(idSchema),
});

/** `GET /v1/organizations` query. */
export const listOrganizationsQuerySchema = z.strictObject({
	externalId: z.optional(externalIdSchema),
	websiteId: z.optional(idSchema),
	limit: pageLimitSchema(50),
	cursor: pageCursorSchema,
});

/** A visitor as the support team sees it. */
export const teamVisitorSchema = z.object({
	id: z.string(),
	websiteId: z.string(),
	contactId: z.nullable(z.string()),
	language: z.nullable(z.string()),
	timezone: z.nullable(z.string()),
	isBlocked: z.boolean(),
	blockedAt: z.nullable(isoDateSchema),
	lastSeenAt: isoDateSchema,
	createdAt: isoDateSchema,
});

/** A contact as the support team sees it (flags are changed on `/v1/support/feature-flags`). */
export const contactRecordSchema = z.object({
	id: z.string(),
	websiteId: z.string(),
	externalId: z.nullable(z.string()),
	email: z.nullable(z.string()),
	name: z.nullable(z.string()),
	image: z.nullable(z.string()),
	metadata: visitorMetadataSchema,
	organizationId: z.nullable(z.string()),
	featureFlags: z.array(z.string()),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

/** A contact organization (company). */
export const organizationRecordSchema = z.object({
	id: z.string(),
	websiteId: z.string(),
	externalId: z.nullable(z.string()),
	name: z.string(),
	metadata: visitorMetadataSchema,
	featureFlags: z.array(z.string()),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

export const visitorResponseSchema = z.object({ visitor: teamVisitorSchema });
export const contactResponseSchema = z.object({ contact: contactRecordSchema });
export const organizationResponseSchema = z.object({ organization: organizationRecordSchema });
export const organizationListResponseSchema = z.object({
	organizations: z.array(organizationRecordSchema),
	/** Pass as `cursor` for the next page; `null` on the last one. */
	nextCursor: z.nullable(z.string()),
});

export type UpdateContactRequest = z.infer<typeof updateContactRequestSchema>;
export type CreateOrganizationRequest = z.infer<typeof createOrganizationRequestSchema>;
export type UpdateOrganizationRequest = z.infer<typeof updateOrganizationRequestSchema>;
export type VisitorBlockRequest = z.infer<typeof visitorBlockRequestSchema>;
export type ListOrganizationsQuery = z.infer<typeof listOrganizationsQuerySchema>;
export type TeamVisitor = z.infer<typeof teamVisitorSchema>;
export type ContactRecord = z.infer<typeof contactRecordSchema>;
export type OrganizationRecord = z.infer<typeof organizationRecordSchema>;
export type VisitorResponse = z.infer<typeof visitorResponseSchema>;
export type ContactResponse = z.infer<typeof contactResponseSchema>;
export type OrganizationResponse = z.infer<typeof organizationResponseSchema>;
export type OrganizationListResponse = z.infer<typeof organizationListResponseSchema>;
