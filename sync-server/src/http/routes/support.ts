import {
	type FeatureFlagMutationResponse,
	featureFlagMutationSchema,
	type SupportState,
} from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { effectiveSupportState } from "../../support/support-state.ts";
import { submitCommand } from "../submit-command.ts";
import { requireVisitorRequest } from "../visitor-request.ts";

/**
 * Support state (docs: Support State):
 * - `GET /v1/support/state` (public key + visitor token): the visitor's effective flags and
 *   onboarding. Realtime changes arrive in the `profile` map of `visitor/{id}`.
 * - `PATCH /v1/support/feature-flags` (private key): a FeatureFlagMutation, applied through the
 *   `featureFlags.mutate` command; answers the target's own flags afterwards.
 */
export function supportRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();

	router.get("/support/state", async (req, res) => {
		const principal = await requireVisitorRequest(auth, req);
		const visitor = await db.prisma.visitor.findUnique({
			where: { id: principal.visitorId },
			include: { contact: { include: { organization: true } } },
		});
		if (!visitor) throw new ApiError(401, "unauthorized", "Unknown visitor.");
		if (visitor.isBlocked) {
			throw new ApiError(403, "visitor_blocked", "This visitor has been blocked from support.");
		}
		const contact = visitor.contact;
		const body: SupportState = effectiveSupportState(
			visitor,
			contact,
			contact?.organization ?? null,
		);
		res.json(body);
	});

	router.patch("/support/feature-flags", async (req, res) => {
		const principal = await auth.backendPrincipal(await auth.checkPrivateKey(req));
		const mutation = v.parse(featureFlagMutationSchema, req.body);
		await submitCommand(pipeline, principal, { ...mutation, type: "featureFlags.mutate" });
		const { type, id } = mutation.target;
		const where = { id };
		const row =
			type === "visitor"
				? await db.prisma.visitor.findUnique({ where, select: { featureFlags: true } })
				: type === "contact"
					? await db.prisma.contact.findUnique({ where, select: { featureFlags: true } })
					: await db.prisma.contactOrganization.findUnique({
							where,
							select: { featureFlags: true },
						});
		if (!row) throw new ApiError(404, "not_found", `No ${type} ${id} on this website.`);
		const body: FeatureFlagMutationResponse = {
			target: mutation.target,
			featureFlags: [...row.featureFlags].sort(),
		};
		res.json(body);
	});

	return router;
}
