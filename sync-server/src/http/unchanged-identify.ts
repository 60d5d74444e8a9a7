import type { IdentifyParams } from "@cossistant/types";
import type { VisitorProfile } from "../queries/visitor-profile.ts";
import { isValidIdentitySignature } from "../support/identity-signature.ts";
import { metadataHash } from "../support/metadata-hash.ts";
import { normalizeEmail } from "../support/normalize-email.ts";

/**
 * Whether `identify()` would change nothing: the visitor is already linked to the contact the
 * params designate by externalId, every given field already holds the given value, and the
 * signature passes the checks the `contact.identify` command makes for a visitor that is not
 * attaching (a present signature must be valid; one is required only when the website requires
 * it on every identify) and, when signed, that the contact is already verified. Widgets identify on page loads; answering those from one read skips a
 * command batch of some twenty queries. Anything else, including a blocked visitor (refused by
 * the command), goes through the command pipeline.
 */
export function isUnchangedIdentify(profile: VisitorProfile, params: IdentifyParams): boolean {
	const { contact, website } = profile;
	if (!contact || profile.isBlocked) return false;
	if (params.externalId === undefined || contact.externalId !== params.externalId) return false;
	const email = normalizeEmail(params.email);
	if (email !== undefined && contact.email !== email) return false;
	if (params.name !== undefined && contact.name !== params.name) return false;
	if (params.image !== undefined && contact.image !== params.image) return false;
	if (params.metadata && contact.metadataHash !== metadataHash(params.metadata)) return false;
	const { signature } = params;
	const valid =
		signature !== undefined &&
		isValidIdentitySignature(website.identitySecret, params.externalId, signature);
	if (signature !== undefined && !valid) return false;
	// A signed identify of an unverified contact verifies it: that is a change.
	if (valid && !contact.identityVerified) return false;
	return valid || !website.identityVerificationRequired;
}
