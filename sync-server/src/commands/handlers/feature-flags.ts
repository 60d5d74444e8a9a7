import { LIMITS } from "@cossistant/types";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { flagTargetExists } from "../../pipeline/support-queries.ts";
import { applyFlagOperation, sameFlags } from "../../support/support-state.ts";
import { actsForWebsite } from "../access.ts";

/**
 * `PATCH /v1/support/feature-flags`: adds, removes or sets the flags of a visitor, a contact or
 * a contact organization of the caller's website. The new effective flags reach the `profile`
 * of every affected visitor document (an organization's change reaches all its contacts'
 * devices). Backends (private keys) and admins may do it; an unknown target is `not_found`.
 */
export const mutateFeatureFlags: CommandHandler<"featureFlags.mutate"> = {
	type: "featureFlags.mutate",
	allowed: ["backend", "user"],
	needs: (command, principal) => ({
		conversationIds: [],
		itemIds: [],
		privateDoc: false,
		load: async (ctx) => {
			if (principal.kind === "visitor") return;
			const websiteIds =
				principal.kind === "user" ? principal.websiteIds : new Set([principal.websiteId]);
			const { type, id } = command.target;
			// Check first, so a foreign id never makes the server load (and lock) another audience.
			if (!(await flagTargetExists(ctx.tx, type, id, websiteIds))) return;
			await ctx.contacts.loadAudience(
				type === "visitor"
					? { visitorIds: [id] }
					: type === "contact"
						? { contactIds: [id] }
						: { organizationIds: [id] },
			);
		},
	}),
	handle(ctx, command, principal) {
		const forbidden = () =>
			new CommandRejection("forbidden", "Feature flags are changed by backends or admins.");
		if (principal.kind === "visitor") throw forbidden();
		if (principal.kind === "user" && principal.adminWebsiteIds.size === 0) throw forbidden();
		const { type, id } = command.target;
		const row = ctx.contacts.flagTarget(type, id);
		if (!row || !actsForWebsite(principal, row.websiteId)) {
			throw new CommandRejection("not_found", `No ${type} ${id} on this website.`);
		}
		// A role is per website: an admin elsewhere is a plain agent on this one.
		if (principal.kind === "user" && !principal.adminWebsiteIds.has(row.websiteId)) {
			throw forbidden();
		}
		const next = applyFlagOperation(row.featureFlags, command.operation, command.flags);
		if (next.length > LIMITS.maxFeatureFlags) {
			throw new CommandRejection(
				"invalid_command",
				`A ${type} holds at most ${LIMITS.maxFeatureFlags} feature flags.`,
			);
		}
		if (sameFlags(row.featureFlags, next)) return;
		ctx.contacts.setFlags(type, id, next);
	},
};
