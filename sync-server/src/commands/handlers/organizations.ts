import type { Prisma } from "../../generated/prisma/client.ts";
import type { BatchContext } from "../../pipeline/batch-context.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { stableJson } from "../../support/stable-json.ts";
import { actsForWebsite } from "../access.ts";
import { isAgent } from "./agent-command.ts";

/**
 * Contact organizations (companies). Their name, externalId and metadata appear in no document,
 * so these commands write rows only; they still go through the pipeline for the ledger (a
 * retried request is applied once) and the one write path. Flags stay on `featureFlags.mutate`.
 */

/** Creates an organization of a website the agent (or backend) acts for. */
export const createOrganization: CommandHandler<"organization.create"> = {
	type: "organization.create",
	allowed: ["user", "backend"],
	needs: () => ({ conversationIds: [], itemIds: [], privateDoc: false }),
	async handle(ctx, command, principal) {
		if (!isAgent(principal) || !actsForWebsite(principal, command.websiteId)) {
			throw new CommandRejection("not_found", `Website ${command.websiteId} does not exist.`);
		}
		const taken = await ctx.tx.contactOrganization.findUnique({
			where: { id: command.organizationId },
			select: { id: true },
		});
		if (taken) {
			throw new CommandRejection(
				"conflict",
				`Organization ${command.organizationId} already exists.`,
			);
		}
		if (command.externalId !== undefined) {
			await assertExternalIdFree(ctx, command.websiteId, command.externalId, null);
		}
		const data = {
			id: command.organizationId,
			websiteId: command.websiteId,
			name: command.name,
			externalId: command.externalId ?? null,
			metadata: (command.metadata ?? {}) as Prisma.InputJsonValue,
			createdAt: ctx.now,
			updatedAt: ctx.now,
		};
		ctx.addRowWrite((tx) => tx.contactOrganization.create({ data }));
	},
};

/** Changes an organization's name, externalId or metadata; unchanged values write nothing. */
export const updateOrganization: CommandHandler<"organization.update"> = {
	type: "organization.update",
	allowed: ["user", "backend"],
	needs: () => ({ conversationIds: [], itemIds: [], privateDoc: false }),
	async handle(ctx, command, principal) {
		const row = await ctx.tx.contactOrganization.findUnique({
			where: { id: command.organizationId },
		});
		if (!row || !isAgent(principal) || !actsForWebsite(principal, row.websiteId)) {
			throw new CommandRejection(
				"not_found",
				`Organization ${command.organizationId} does not exist.`,
			);
		}
		const data: Prisma.ContactOrganizationUpdateInput = {};
		if (command.name !== undefined && command.name !== row.name) data.name = command.name;
		if (command.externalId !== undefined && command.externalId !== row.externalId) {
			if (command.externalId !== null) {
				await assertExternalIdFree(ctx, row.websiteId, command.externalId, row.id);
			}
			data.externalId = command.externalId;
		}
		// jsonb reorders keys: compare key-sorted JSON.
		if (command.metadata && stableJson(command.metadata) !== stableJson(row.metadata)) {
			data.metadata = command.metadata;
		}
		if (Object.keys(data).length === 0) return;
		data.updatedAt = ctx.now;
		ctx.addRowWrite((tx) => tx.contactOrganization.update({ where: { id: row.id }, data }));
	},
};

/** An externalId names one organization per website (a unique index backs this check up). */
async function assertExternalIdFree(
	ctx: BatchContext,
	websiteId: string,
	externalId: string,
	exceptId: string | null,
): Promise<void> {
	const holder = await ctx.tx.contactOrganization.findFirst({
		where: { websiteId, externalId, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
		select: { id: true },
	});
	if (holder) {
		throw new CommandRejection(
			"conflict",
			`Another organization has the externalId ${JSON.stringify(externalId)}.`,
		);
	}
}
