import {
	contactResponseSchema,
	createOrganizationRequestSchema,
	organizationListResponseSchema,
	organizationResponseSchema,
	updateContactRequestSchema,
	updateOrganizationRequestSchema,
	visitorBlockRequestSchema,
	visitorResponseSchema,
} from "@cossistant/types";
import { type NamedSchema, type OperationDoc, operation } from "../operation.ts";
import { IDEMPOTENCY_KEY, TEAM_FORBIDDEN } from "./team-headers.ts";

const visitor: NamedSchema = { name: "VisitorResponse", schema: visitorResponseSchema };
const contact: NamedSchema = { name: "ContactResponse", schema: contactResponseSchema };
const organization: NamedSchema = {
	name: "OrganizationResponse",
	schema: organizationResponseSchema,
};
const blockBody: NamedSchema = { name: "VisitorBlockRequest", schema: visitorBlockRequestSchema };

function blockOperation(action: "block" | "unblock"): OperationDoc {
	return operation({
		method: "post",
		path: `/v1/visitors/:visitorId/${action}`,
		operationId: `${action}Visitor`,
		tag: "Visitors",
		summary:
			action === "block"
				? "Block a visitor: its sockets close, it can open and send nothing"
				: "Lift a visitor's block",
		description:
			`The \`visitor.${action}\` command. With \`conversationId\` (one of the visitor's), a ` +
			`\`visitor_${action}ed\` event is added there. The body may be empty.`,
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY],
		requestBody: blockBody,
		responses: [{ status: 200, description: "The visitor afterwards.", body: visitor }],
		errors: { 403: TEAM_FORBIDDEN },
	});
}

/** Visitors' blocks, contacts and organizations for the support team. */
export const directoryOperations: OperationDoc[] = [
	blockOperation("block"),
	blockOperation("unblock"),
	operation({
		method: "get",
		path: "/v1/contacts/:contactId",
		operationId: "getContact",
		tag: "Contacts",
		summary: "A contact: identity, metadata, organization and own flags",
		security: ["session", "privateKey"],
		responses: [{ status: 200, description: "The contact.", body: contact }],
		errors: { 403: TEAM_FORBIDDEN },
	}),
	operation({
		method: "patch",
		path: "/v1/contacts/:contactId",
		operationId: "updateContact",
		tag: "Contacts",
		summary: "Change a contact's name, email, image, metadata or organization",
		description:
			"The `contact.update` command: every device of the contact sees the new contact (and, " +
			"with another organization, its flags) live. Metadata is replaced whole; an unchanged " +
			"SHA-256 of its canonical JSON writes nothing. Flags: `PATCH /v1/support/feature-flags`.",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY],
		requestBody: { name: "UpdateContactRequest", schema: updateContactRequestSchema },
		responses: [{ status: 200, description: "The contact afterwards.", body: contact }],
		errors: {
			403: TEAM_FORBIDDEN,
			404: "`not_found`: no such contact, or `organizationId` is not one of its website's.",
			409: "`conflict`: another contact has this email.",
		},
	}),
	operation({
		method: "get",
		path: "/v1/organizations",
		operationId: "listOrganizations",
		tag: "Organizations",
		summary: "List contact organizations (cursor pagination)",
		description:
			"Query parameters (optional): `externalId`, `websiteId`, `limit` (1-100, default 50), " +
			"`cursor` (a `nextCursor`). In creation order.",
		security: ["session", "privateKey"],
		responses: [
			{
				status: 200,
				description: "A page of organizations.",
				body: { name: "OrganizationListResponse", schema: organizationListResponseSchema },
			},
		],
		errors: {
			400: "`validation_failed`: a query parameter or the cursor is invalid.",
			403: TEAM_FORBIDDEN,
			404: "`not_found`: `websiteId` is not one of the caller's websites.",
		},
	}),
	operation({
		method: "get",
		path: "/v1/organizations/:organizationId",
		operationId: "getOrganization",
		tag: "Organizations",
		summary: "A contact organization",
		security: ["session", "privateKey"],
		responses: [{ status: 200, description: "The organization.", body: organization }],
		errors: { 403: TEAM_FORBIDDEN },
	}),
	operation({
		method: "post",
		path: "/v1/organizations",
		operationId: "createOrganization",
		tag: "Organizations",
		summary: "Create a contact organization",
		description:
			"The `organization.create` command. Agents of several websites name the website with " +
			"`websiteId`; backends create in their key's website.",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY],
		requestBody: { name: "CreateOrganizationRequest", schema: createOrganizationRequestSchema },
		responses: [{ status: 201, description: "The organization.", body: organization }],
		errors: {
			403: TEAM_FORBIDDEN,
			404: "`not_found`: `websiteId` is not one of the caller's websites.",
			409: "`conflict`: another organization has this externalId.",
		},
	}),
	operation({
		method: "patch",
		path: "/v1/organizations/:organizationId",
		operationId: "updateOrganization",
		tag: "Organizations",
		summary: "Rename an organization or change its externalId or metadata",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY],
		requestBody: { name: "UpdateOrganizationRequest", schema: updateOrganizationRequestSchema },
		responses: [{ status: 200, description: "The organization afterwards.", body: organization }],
		errors: {
			403: TEAM_FORBIDDEN,
			409: "`conflict`: another organization has this externalId.",
		},
	}),
];
