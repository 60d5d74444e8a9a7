import * as v from "valibot";
import { emailAddressSchema } from "./email.ts";
import { httpUrlSchema } from "./http-url.ts";
import { idSchema, isoDateSchema } from "./ids.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { pageCursorSchema, pageLimitSchema } from "./pagination.ts";
import { refusingArrays } from "./plain-object.ts";

/**
 * Private REST API (backends with `sk_…`, the dashboard with a session): visitors, contacts and
 * contact organizations. Field schemas here are shared with the commands that apply the changes
 * (`contact.update`, `organization.create`, `organization.update`), so REST and outboxes accept
 * exactly the same values.
 */

/** A person's or a company's display name. */
export const directoryNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255));

/** An id in the customer's own system (unique per website). */
export const externalIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(255));

/** Only http(s) images: `javascript:` and `data:` URLs never reach a widget. */
export const directoryImageSchema = v.pipe(httpUrlSchema, v.maxLength(2_048));

/** Contact emails are stored trimmed and lower-cased (identify() looks them up that way). */
export const contactEmailSchema = emailAddressSchema;

/** The changes a `PATCH /v1/contacts/:id` (or a `contact.update` command) may carry. */
export const contactChangesShape = {
	/** `null` clears it. Shown to the contact's visitors (their PublicContact). */
	name: v.optional(v.nullable(directoryNameSchema)),
	/** `null` clears it; another contact's email is a `conflict`. */
	email: v.optional(v.nullable(contactEmailSchema)),
	image: v.optional(v.nullable(directoryImageSchema)),
	/** Replaced whole; an unchanged SHA-256 of its canonical JSON writes nothing. */
	metadata: v.optional(visitorMetadataSchema),
	/** Moves the contact into an organization of its website (`null`: out of any). */
	organizationId: v.optional(v.nullable(idSchema)),
};

/** The changes of an organization (`organization.update`, `PATCH /v1/organizations/:id`). */
export const organizationChangesShape = {
	name: v.optional(directoryNameSchema),
	/** `null` clears it; another organization's externalId is a `conflict`. */
	externalId: v.optional(v.nullable(externalIdSchema)),
	/** Replaced whole (primitives only). */
	metadata: v.optional(visitorMetadataSchema),
};

/**
 * A pipe action for a changes object: at least one field present. Free of side effects (see
 * `refusingArrays`).
 */
/* @__NO_SIDE_EFFECTS__ */
function atLeastOneChange<TInput extends Record<string, unknown>>() {
	return v.check<TInput, "nothing to change">(
		(value) => Object.values(value).some((field) => field !== undefined),
		"nothing to change",
	);
}

/** `PATCH /v1/contacts/:id`: at least one field. */
export const updateContactRequestSchema = v.pipe(
	v.strictObject(contactChangesShape),
	atLeastOneChange(),
);

/** `POST /v1/organizations`. Agents of several websites name the website; backends need not. */
export const createOrganizationRequestSchema = v.strictObject({
	name: directoryNameSchema,
	externalId: v.optional(externalIdSchema),
	metadata: v.optional(visitorMetadataSchema),
	websiteId: v.optional(idSchema),
});

/** `PATCH /v1/organizations/:id`: at least one field. */
export const updateOrganizationRequestSchema = v.pipe(
	v.strictObject(organizationChangesShape),
	atLeastOneChange(),
);

/** `POST /v1/visitors/:id/block` and `/unblock`: where the event item goes, if anywhere. */
export const visitorBlockRequestSchema = refusingArrays(
	v.strictObject({
		/** One of the visitor's conversations: the `visitor_blocked` / `visitor_unblocked` event goes there. */
		conversationId: v.optional(idSchema),
	}),
);

/** `GET /v1/organizations` query. */
export const listOrganizationsQuerySchema = refusingArrays(
	v.strictObject({
		externalId: v.optional(externalIdSchema),
		websiteId: v.optional(idSchema),
		limit: pageLimitSchema(50),
		cursor: pageCursorSchema,
	}),
);

/** A visitor as the support team sees it. */
export const teamVisitorSchema = v.object({
	id: v.string(),
	websiteId: v.string(),
	contactId: v.nullable(v.string()),
	language: v.nullable(v.string()),
	timezone: v.nullable(v.string()),
	isBlocked: v.boolean(),
	blockedAt: v.nullable(isoDateSchema),
	lastSeenAt: isoDateSchema,
	createdAt: isoDateSchema,
});

/** A contact as the support team sees it (flags are changed on `/v1/support/feature-flags`). */
export const contactRecordSchema = v.object({
	id: v.string(),
	websiteId: v.string(),
	externalId: v.nullable(v.string()),
	email: v.nullable(v.string()),
	name: v.nullable(v.string()),
	image: v.nullable(v.string()),
	metadata: visitorMetadataSchema,
	organizationId: v.nullable(v.string()),
	featureFlags: v.array(v.string()),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

/** A contact organization (company). */
export const organizationRecordSchema = v.object({
	id: v.string(),
	websiteId: v.string(),
	externalId: v.nullable(v.string()),
	name: v.string(),
	metadata: visitorMetadataSchema,
	featureFlags: v.array(v.string()),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

export const visitorResponseSchema = v.object({ visitor: teamVisitorSchema });
export const contactResponseSchema = v.object({ contact: contactRecordSchema });
export const organizationResponseSchema = v.object({ organization: organizationRecordSchema });
export const organizationListResponseSchema = v.object({
	organizations: v.array(organizationRecordSchema),
	/** Pass as `cursor` for the next page; `null` on the last one. */
	nextCursor: v.nullable(v.string()),
});

export type UpdateContactRequest = v.InferOutput<typeof updateContactRequestSchema>;
export type CreateOrganizationRequest = v.InferOutput<typeof createOrganizationRequestSchema>;
export type UpdateOrganizationRequest = v.InferOutput<typeof updateOrganizationRequestSchema>;
export type VisitorBlockRequest = v.InferOutput<typeof visitorBlockRequestSchema>;
export type ListOrganizationsQuery = v.InferOutput<typeof listOrganizationsQuerySchema>;
export type TeamVisitor = v.InferOutput<typeof teamVisitorSchema>;
export type ContactRecord = v.InferOutput<typeof contactRecordSchema>;
export type OrganizationRecord = v.InferOutput<typeof organizationRecordSchema>;
export type VisitorResponse = v.InferOutput<typeof visitorResponseSchema>;
export type ContactResponse = v.InferOutput<typeof contactResponseSchema>;
export type OrganizationResponse = v.InferOutput<typeof organizationResponseSchema>;
export type OrganizationListResponse = v.InferOutput<typeof organizationListResponseSchema>;
