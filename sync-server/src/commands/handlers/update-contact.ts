import type { BatchContext } from "../../pipeline/batch-context.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { metadataHash } from "../../support/metadata-hash.ts";
import type { SupportContact } from "../../support/support-state.ts";
import { actsForWebsite } from "../access.ts";
import { isAgent } from "./agent-command.ts";

type ContactFields = Partial<Pick<SupportContact, "name" | "email" | "image">>;

/**
 * An agent or a backend changes a contact of its website: name, email, image, metadata and
 * organization. Only what differs is written; metadata with an unchanged SHA-256 of its
 * canonical JSON writes nothing. Every device of the contact gets the new PublicContact (and,
 * when the organization changes, the new effective flags) in its `profile`.
 */
export const updateContact: CommandHandler<"contact.update"> = {
	type: "contact.update",
	allowed: ["user", "backend"],
	needs: (command, principal) => ({
		conversationIds: [],
		itemIds: [],
		privateDoc: false,
		load: async (ctx) => {
			if (!isAgent(principal)) return;
			const row = await ctx.tx.contact.findUnique({
				where: { id: command.contactId },
				select: { websiteId: true },
			});
			// Check first, so a foreign id never makes the server load (and lock) another audience.
			if (!row || !actsForWebsite(principal, row.websiteId)) return;
			// Organizations before contacts: the one lock order of support rows.
			if (command.organizationId) await ctx.contacts.loadOrganizations([command.organizationId]);
			await ctx.contacts.loadAudience({ contactIds: [command.contactId] });
		},
	}),
	async handle(ctx, command, principal) {
		if (!isAgent(principal))
			throw new CommandRejection("forbidden", "Only agents change contacts.");
		const contact = ctx.contacts.contact(command.contactId);
		if (!contact || !actsForWebsite(principal, contact.websiteId)) {
			throw new CommandRejection("not_found", `Contact ${command.contactId} does not exist.`);
		}
		const { organizationId } = command;
		const movesOrganization =
			organizationId !== undefined && organizationId !== contact.organizationId;
		if (movesOrganization && organizationId !== null) {
			const organization = ctx.contacts.organization(organizationId);
			if (!organization || organization.websiteId !== contact.websiteId) {
				throw new CommandRejection("not_found", `Organization ${organizationId} does not exist.`);
			}
		}
		const fields: ContactFields = {};
		if (command.name !== undefined && command.name !== contact.name) fields.name = command.name;
		if (command.image !== undefined && command.image !== contact.image)
			fields.image = command.image;
		// Stored as identify() looks emails up: trimmed and lower-cased.
		const email =
			command.email === undefined ? undefined : (command.email?.trim().toLowerCase() ?? null);
		if (email !== undefined && email !== contact.email) {
			if (email !== null) await assertEmailFree(ctx, contact, email);
			fields.email = email;
		}
		const hash = command.metadata ? metadataHash(command.metadata) : null;

		if (Object.keys(fields).length > 0) ctx.contacts.patchContact(contact.id, fields);
		if (movesOrganization) ctx.contacts.setOrganization(contact.id, organizationId);
		if (command.metadata && hash !== null && hash !== contact.metadataHash) {
			ctx.contacts.setMetadata(contact.id, command.metadata, hash);
		}
	},
};

/** An email belongs to one contact per website (a unique index backs this check up). */
async function assertEmailFree(
	ctx: BatchContext,
	contact: SupportContact,
	email: string,
): Promise<void> {
	const inBatch = ctx.contacts.findContact(contact.websiteId, "email", email);
	const stored = await ctx.tx.contact.findFirst({
		where: { websiteId: contact.websiteId, email, NOT: { id: contact.id } },
		select: { id: true },
	});
	if ((inBatch && inBatch.id !== contact.id) || stored) {
		throw new CommandRejection("conflict", "This email belongs to another contact.");
	}
}
