import {
	type FeatureFlagsResponse,
	type FeatureFlagTargetType,
	featureFlagTargetTypeSchema,
	updateFeatureFlagsRequestSchema,
} from "@cossistant/types";
import { type Request, Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { idParam } from "../route-params.ts";
import { submitCommand } from "../submit-command.ts";
import { requestIds, requireTeamCaller } from "./team-request.ts";

/**
 * Feature flags of one visitor, contact or contact organization for the support team, so the
 * dashboard can show and toggle them with an agent session (`PATCH /v1/support/feature-flags`
 * takes private keys only, which never reach a browser):
 * - `GET /v1/feature-flags/:targetType/:targetId` (agents of the website, backends): its own flags.
 * - `PATCH` the same path (admins, backends): `{ operation: add | remove | set, flags }` through
 *   the `featureFlags.mutate` command, so every affected device sees the new flags live.
 * `targetType` is `visitor`, `contact` or `contactOrganization`; another website's ids are `404`.
 */
export function teamFeatureFlagsRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();
	const path = "/feature-flags/:targetType/:targetId";

	router.get(path, async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const target = flagTarget(req);
		res.json(await ownFlags(db, caller.websiteIds, target));
	});

	router.patch(path, async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const target = flagTarget(req);
		const body = v.parse(updateFeatureFlagsRequestSchema, req.body ?? {});
		// Missing first: a foreign or unknown target is a 404 for agents too, not a 403.
		await ownFlags(db, caller.websiteIds, target);
		const principal = await caller.principal();
		await submitCommand(
			pipeline,
			principal,
			{ type: "featureFlags.mutate", target, ...body },
			requestIds(req, principal).id("command"),
		);
		res.json(await ownFlags(db, caller.websiteIds, target));
	});

	return router;
}

interface FlagTarget {
	type: FeatureFlagTargetType;
	id: string;
}

function flagTarget(req: Request): FlagTarget {
	const type = v.safeParse(featureFlagTargetTypeSchema, req.params.targetType);
	if (!type.success) {
		throw new ApiError(
			404,
			"not_found",
			"Flags belong to a visitor, contact or contactOrganization.",
		);
	}
	return { type: type.output, id: idParam(req, "targetId") };
}

async function ownFlags(
	db: Database,
	websiteIds: ReadonlySet<string>,
	target: FlagTarget,
): Promise<FeatureFlagsResponse> {
	const where = { id: target.id, websiteId: { in: [...websiteIds] } };
	const select = { featureFlags: true } as const;
	const row =
		target.type === "visitor"
			? await db.prisma.visitor.findFirst({ where, select })
			: target.type === "contact"
				? await db.prisma.contact.findFirst({ where, select })
				: await db.prisma.contactOrganization.findFirst({ where, select });
	if (!row) throw new ApiError(404, "not_found", `No ${target.type} ${target.id} on this website.`);
	return { target, featureFlags: [...row.featureFlags].sort() };
}
