import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { metadataHash } from "../../support/metadata-hash.ts";
import { requireActiveVisitor } from "../access.ts";

/**
 * An identified visitor sets its contact's metadata (docs: metadata lives on contacts, so
 * `identify()` comes first). The SHA-256 of the canonical JSON is stored with it; metadata with
 * an unchanged hash is applied without writing anything.
 */
export const setContactMetadata: CommandHandler<"contact.setMetadata"> = {
	type: "contact.setMetadata",
	allowed: ["visitor"],
	needs: (_command, principal) => ({
		conversationIds: [],
		itemIds: [],
		privateDoc: false,
		// The contact's devices show its metadata in their profile (PublicVisitor.contact).
		load: async (ctx) => {
			if (principal.kind === "visitor")
				await ctx.contacts.loadAudience({ visitorIds: [principal.visitorId] });
		},
	}),
	handle(ctx, command, principal) {
		if (principal.kind !== "visitor")
			throw new CommandRejection("forbidden", "Only visitors set their metadata here.");
		const visitor = requireActiveVisitor(ctx, principal.visitorId);
		// The row `load` locked, or the one an identify earlier in this batch created: its hash
		// is current, so an unchanged value is skipped and a changed one never is.
		const contact = visitor.contactId ? ctx.contacts.contact(visitor.contactId) : undefined;
		if (!contact) {
			throw new CommandRejection(
				"not_found",
				"Metadata is stored on contacts: call identify() first.",
			);
		}
		const hash = metadataHash(command.metadata);
		if (contact.metadataHash === hash) return;
		ctx.contacts.setMetadata(contact.id, command.metadata, hash);
	},
};
