import type { CommandOf } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { VisitorPrincipal } from "../../auth/principal.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { BatchContext } from "../../pipeline/batch-context.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import type { WebsiteIdentity } from "../../pipeline/contact-rows.ts";
import { findContactIds } from "../../pipeline/support-queries.ts";
import { isValidIdentitySignature } from "../../support/identity-signature.ts";
import { metadataHash } from "../../support/metadata-hash.ts";
import { normalizeEmail } from "../../support/normalize-email.ts";
import {
	hasOnboarding,
	parseOnboarding,
	type SupportContact,
	type SupportVisitor,
} from "../../support/support-state.ts";
import { requireActiveVisitor } from "../access.ts";

type IdentifyCommand = CommandOf<"contact.identify">;

/**
 * `identify()`: links the visitor to a contact found by externalId (preferred) or email, or
 * creates one. Identity verification: the signature is HMAC-SHA256 (hex) of the externalId
 * (of the email when there is none) with the website's identity secret. With any key, test
 * keys included, attaching the visitor to an *existing* contact requires it (that is what
 * unlocks the contact's conversation history); a present but wrong signature is refused; a website
 * with `identityVerificationRequired` needs it on every identify. Refusals write nothing.
 *
 * Once linked, every device of the contact lists the contact's conversations, the visitor's
 * anonymous conversations join the contact, and the visitor's onboarding progress is copied
 * to the contact only when the contact has none (docs: Support State).
 */
export const identifyContact: CommandHandler<"contact.identify"> = {
	type: "contact.identify",
	allowed: ["visitor"],
	needs: (command, principal) => ({
		conversationIds: [],
		itemIds: [],
		privateDoc: false,
		load: async (ctx) => {
			if (principal.kind === "visitor") await loadIdentify(ctx, command, principal);
		},
	}),
	handle(ctx, command, principal) {
		if (principal.kind !== "visitor")
			throw new CommandRejection("forbidden", "Only visitors identify themselves.");
		requireActiveVisitor(ctx, principal.visitorId);
		const visitor = ctx.contacts.supportVisitor(principal.visitorId);
		const website = ctx.contacts.website(principal.websiteId);
		if (!visitor || !website) throw new CommandRejection("forbidden", "Unknown visitor.");

		const externalId = command.externalId;
		const email = normalizeEmail(command.email);
		const signed = checkSignature(command, website);
		const resolved = resolveTarget(ctx, principal.websiteId, visitor, command, signed);
		const { byEmailOnly, released } = resolved;
		const target = resolved.contact;
		const attaching = target !== undefined && visitor.contactId !== target.id;
		verifyIdentity(command, website, { attaching, byEmailOnly, signed });

		// Every check passed: the writes start here.
		for (const release of released) releaseIdentity(ctx, release);
		if (target && signed && !target.identityVerified) {
			// Only the visitor's own contact is left unverified (resolveTarget released the others):
			// the visitor that created it proves who it is, so it is verified from now on.
			ctx.contacts.patchContact(target.id, { identityVerified: true });
		}
		const visitorOnboarding = parseOnboarding(visitor.onboarding);
		let contact: SupportContact;
		if (!target) {
			contact = {
				id: uuidv7(),
				websiteId: principal.websiteId,
				externalId: externalId ?? null,
				email: email ?? null,
				name: command.name ?? null,
				image: command.image ?? null,
				metadata: {},
				metadataHash: null,
				featureFlags: [],
				// A new contact has no progress of its own: the visitor's is copied.
				onboarding: (hasOnboarding(visitorOnboarding) ? visitorOnboarding : {}) as Prisma.JsonValue,
				organizationId: null,
				identityVerified: signed,
			};
			ctx.contacts.createContact(contact);
		} else {
			contact = target;
			const patch: Partial<Pick<SupportContact, "externalId" | "email" | "name" | "image">> = {};
			if (externalId !== undefined && contact.externalId === null) patch.externalId = externalId;
			if (email !== undefined && contact.email !== email) patch.email = email;
			if (command.name !== undefined && contact.name !== command.name) patch.name = command.name;
			if (command.image !== undefined && contact.image !== command.image)
				patch.image = command.image;
			if (Object.keys(patch).length > 0) ctx.contacts.patchContact(contact.id, patch);
			// Copy rule: the visitor's progress goes to the contact only when the contact has none;
			// otherwise the contact's state wins and the visitor's stays where it was.
			if (
				attaching &&
				hasOnboarding(visitorOnboarding) &&
				!hasOnboarding(parseOnboarding(contact.onboarding))
			) {
				ctx.contacts.setContactOnboarding(contact.id, visitorOnboarding);
			}
		}
		if (command.metadata) {
			const hash = metadataHash(command.metadata);
			if (contact.metadataHash !== hash)
				ctx.contacts.setMetadata(contact.id, command.metadata, hash);
		}
		if (visitor.contactId !== contact.id) link(ctx, visitor, contact.id);
	},
};

/** Rows the handler reads, locked in the pipeline's order: conversations → contacts → visitors. */
async function loadIdentify(
	ctx: BatchContext,
	command: IdentifyCommand,
	principal: VisitorPrincipal,
): Promise<void> {
	const { visitorId, websiteId } = principal;
	await ctx.contacts.loadWebsite(websiteId);
	const facts = ctx.contacts.visitor(visitorId);
	if (!facts || facts.websiteId !== websiteId) return;
	const candidates = await findContactIds(ctx.tx, websiteId, {
		externalId: command.externalId,
		email: normalizeEmail(command.email),
	});
	const contactIds = facts.contactId ? [...candidates, facts.contactId] : candidates;
	const conversations = await ctx.tx.conversation.findMany({
		where: { websiteId, OR: [{ visitorId }, { contactId: { in: contactIds } }] },
		select: { id: true },
	});
	await ctx.conversations.load(conversations.map((row) => row.id));
	await ctx.contacts.loadAudience({ contactIds, visitorIds: [visitorId] });
	// The visitor's anonymous conversations may join the contact: their documents change.
	const own = ctx.conversations.filter((row) => row.visitorId === visitorId && !row.contactId);
	await ctx.conversations.loadDocs(own, false);
}

/** What a contact that nothing proved gives up to a verified identify. */
interface Release {
	contact: SupportContact;
	externalId: boolean;
	email: boolean;
}

/** The contact an identify lands on, and what unverified contacts give up to it. */
interface Resolution {
	contact: SupportContact | undefined;
	byEmailOnly: boolean;
	released: Release[];
}

/**
 * The existing contact the identify designates: by externalId first, else by email (only if
 * that contact has no other externalId). An email held by another contact is a conflict, except
 * that a verified identify (valid signature) wins over contacts an unsigned identify
 * created: anyone can call `identify` first with someone else's externalId or email, and that
 * must neither lock the real person out (a 403 or 409 until they drop their email) nor show them
 * the squatter's conversations. Such a contact keeps its visitors and conversations but gives up
 * the externalId and email the verified identify claims (see releaseIdentity), unless it is the
 * visitor's own contact and the identify lands on it. Nothing is written here.
 */
function resolveTarget(
	ctx: BatchContext,
	websiteId: string,
	visitor: SupportVisitor,
	command: IdentifyCommand,
	verified: boolean,
): Resolution {
	const { externalId } = command;
	const email = normalizeEmail(command.email);
	let byExternalId =
		externalId === undefined
			? undefined
			: ctx.contacts.findContact(websiteId, "externalId", externalId);
	let byEmail =
		email === undefined ? undefined : ctx.contacts.findContact(websiteId, "email", email);
	const released: Release[] = [];
	if (verified && byExternalId && yields(byExternalId, visitor)) {
		const alsoEmail = byEmail === byExternalId;
		released.push({ contact: byExternalId, externalId: true, email: alsoEmail });
		if (alsoEmail) byEmail = undefined;
		byExternalId = undefined;
	}
	if (verified && byEmail && byEmail !== byExternalId && yields(byEmail, visitor)) {
		// The visitor's own contact keeps the email only if the identify lands on it.
		const landsOn =
			byEmail.id === visitor.contactId &&
			byExternalId === undefined &&
			(externalId === undefined || byEmail.externalId === null);
		if (!landsOn) {
			released.push({ contact: byEmail, externalId: false, email: true });
			byEmail = undefined;
		}
	}
	if (byExternalId) {
		if (byEmail && byEmail.id !== byExternalId.id) {
			throw new CommandRejection("conflict", "This email belongs to another contact.");
		}
		return { contact: byExternalId, byEmailOnly: false, released };
	}
	if (byEmail && externalId !== undefined && byEmail.externalId !== null) {
		throw new CommandRejection(
			"conflict",
			"This email belongs to a contact with another externalId.",
		);
	}
	return { contact: byEmail, byEmailOnly: byEmail !== undefined, released };
}

/**
 * Whether a contact gives up what a verified identify claims: nothing proved who created it,
 * and it is not the visitor's own (the visitor that created it proves who it is by signing).
 */
function yields(contact: SupportContact, visitor: SupportVisitor): boolean {
	return !contact.identityVerified && contact.id !== visitor.contactId;
}

/**
 * The fix every `identity_verification_failed` names: developers meet it in their browser's
 * console, far from the docs (docs/security.md, "Identity verification").
 */
const HOW_TO_SIGN =
	"Sign the externalId with your identity secret on your server: IdentifySupportVisitor in @cossistant/next does it (COSSISTANT_IDENTITY_SECRET); in React use createIdentitySignature from @cossistant/next/server or HMAC-SHA256 in your backend, and pass it as `signature`. See docs/security.md, Identity verification.";

/**
 * Whether the identify carries a valid signature (of the externalId, else of the email);
 * a present but wrong signature is refused.
 */
function checkSignature(command: IdentifyCommand, website: WebsiteIdentity): boolean {
	const signedValue = command.externalId ?? normalizeEmail(command.email) ?? "";
	const { signature } = command;
	if (signature === undefined) return false;
	if (isValidIdentitySignature(website.identitySecret, signedValue, signature)) return true;
	throw new CommandRejection(
		"identity_verification_failed",
		`The identify signature is wrong: it must be the hex HMAC-SHA256 of the externalId (of the email when there is none) keyed with the website's current identity secret (a rotated secret stops verifying at once). ${HOW_TO_SIGN}`,
	);
}

/**
 * A verified identify designates a contact that an unsigned one created: nothing proved who
 * created it, so it keeps its visitors and conversations but gives up the externalId and email
 * the verified identify claims; the contact the identify lands on (a new, verified one when
 * none is left) takes them. Attaching instead would show whoever squatted the id the real
 * person's conversations, and theirs to the real person.
 */
function releaseIdentity(ctx: BatchContext, release: Release): void {
	const patch: { externalId?: null; email?: null } = {};
	if (release.externalId) patch.externalId = null;
	if (release.email) patch.email = null;
	ctx.contacts.patchContact(release.contact.id, patch);
}

function verifyIdentity(
	command: IdentifyCommand,
	website: WebsiteIdentity,
	target: { attaching: boolean; byEmailOnly: boolean; signed: boolean },
): void {
	const valid = target.signed;
	// Whatever the key's environment: every website has an identity secret, and a test key is
	// as public as a live one (it sits in the page), so it must not unlock anyone's contact.
	const required = website.identityVerificationRequired || target.attaching;
	if (required && !valid) {
		throw new CommandRejection(
			"identity_verification_failed",
			target.attaching
				? `This externalId or email already belongs to a contact (another device, or an earlier identify): joining it requires a signed identify. ${HOW_TO_SIGN}`
				: `This website requires a signed identify. ${HOW_TO_SIGN}`,
		);
	}
	// A signature of the externalId proves nothing about an email: it cannot unlock a contact
	// that only the email designates (someone else's signed id + a victim's email).
	if (required && target.attaching && target.byEmailOnly && command.externalId !== undefined) {
		throw new CommandRejection(
			"identity_verification_failed",
			`This contact is known by its email only: identify with the email (no externalId) and the signature of that email. ${HOW_TO_SIGN}`,
		);
	}
}

/** Links the visitor and makes the contact's history (and its own) visible across devices. */
function link(ctx: BatchContext, visitor: SupportVisitor, contactId: string): void {
	const previous = visitor.contactId;
	ctx.contacts.linkVisitor(visitor.id, contactId);
	for (const row of ctx.conversations.filter((r) => r.visitorId === visitor.id && !r.contactId)) {
		ctx.conversations.patchMeta(row.id, { contactId });
	}
	for (const row of ctx.conversations.filter((r) => r.contactId === contactId)) {
		ctx.conversations.setListed(visitor.id, row.id, true);
	}
	if (previous) {
		// Moved to another contact: the previous one's other conversations leave this device.
		const others = ctx.conversations.filter(
			(r) => r.contactId === previous && r.visitorId !== visitor.id,
		);
		for (const row of others) ctx.conversations.setListed(visitor.id, row.id, false);
	}
}
