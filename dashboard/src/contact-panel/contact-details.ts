import {
	type ContactRecord,
	type Conversation,
	contactResponseSchema,
	contactVisitorsResponseSchema,
	conversationListResponseSchema,
	type OrganizationRecord,
	organizationResponseSchema,
	type VisitorDetail,
	visitorDetailResponseSchema,
} from "@cossistant/types";
import { expectAnswer } from "../api/schema-check.ts";
import { isNetworkError, type TeamRequest, TeamRequestError } from "../api/team-request.ts";

/** How many of the person's other conversations the panel lists. */
export const CONVERSATIONS_SHOWN = 20;

/** Everything the contact panel shows about the person behind a conversation. */
export interface ContactDetails {
	/** The identified contact, or null for an anonymous visitor. */
	contact: ContactRecord | null;
	/** The contact's organization (company), if any. */
	organization: OrganizationRecord | null;
	/** The visitor of the conversation (null when only a contact id was given and not found). */
	visitor: VisitorDetail | null;
	/** The contact's visitors (devices), most recently seen first; just the visitor when anonymous. */
	devices: VisitorDetail[];
	/** Their conversations, most recent activity first (the open one included; the panel filters). */
	conversations: Conversation[];
	/** When these details were loaded (shown when they are served from memory offline). */
	loadedAt: number;
}

/** Which person to load. */
export interface ContactTarget {
	visitorId?: string | null | undefined;
	contactId?: string | null | undefined;
}

const encode = encodeURIComponent;

/**
 * Loads a person's details with the team REST API: the visitor (with its device) and, once
 * identified, the contact, its organization, its other visitors and its conversations. Reads
 * run in parallel where they do not depend on each other. Every answer is checked against the
 * `@cossistant/types` schemas.
 */
export async function loadContactDetails(
	request: TeamRequest,
	target: ContactTarget,
): Promise<ContactDetails> {
	const visitor = target.visitorId
		? expectAnswer(
				visitorDetailResponseSchema,
				await request(`/visitors/${encode(target.visitorId)}`),
				"the visitor",
			).visitor
		: null;
	const contactId = target.contactId ?? visitor?.contactId ?? null;
	if (!contactId) {
		if (!visitor) throw new TeamRequestError("not_found", 404, "No visitor or contact to show.");
		const conversations = await listConversations(request, `visitorId=${encode(visitor.id)}`);
		return {
			contact: null,
			organization: null,
			visitor,
			devices: [visitor],
			conversations,
			loadedAt: Date.now(),
		};
	}
	const [contact, devices, conversations] = await Promise.all([
		request(`/contacts/${encode(contactId)}`).then(
			(answer) => expectAnswer(contactResponseSchema, answer, "the contact").contact,
		),
		request(`/contacts/${encode(contactId)}/visitors`).then(
			(answer) => expectAnswer(contactVisitorsResponseSchema, answer, "the devices").visitors,
		),
		listConversations(request, `contactId=${encode(contactId)}`),
	]);
	const organization = contact.organizationId
		? await loadOrganization(request, contact.organizationId)
		: null;
	return {
		contact,
		organization,
		visitor: visitor ?? devices[0] ?? null,
		devices,
		conversations,
		loadedAt: Date.now(),
	};
}

async function listConversations(request: TeamRequest, filter: string): Promise<Conversation[]> {
	const answer = await request(`/conversations?${filter}&limit=${CONVERSATIONS_SHOWN + 1}`);
	return expectAnswer(conversationListResponseSchema, answer, "the conversations").conversations;
}

/** The organization, or null when it cannot be read (it is a nice-to-have, not the panel). */
async function loadOrganization(
	request: TeamRequest,
	organizationId: string,
): Promise<OrganizationRecord | null> {
	try {
		const answer = await request(`/organizations/${encode(organizationId)}`);
		return expectAnswer(organizationResponseSchema, answer, "the organization").organization;
	} catch (error) {
		// Offline must still surface as offline: only a refusal is swallowed.
		if (isNetworkError(error)) throw error;
		return null;
	}
}
