import { type IdentifyResponse, identifyParamsSchema } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandSubmitter } from "../../pipeline/command-rate-limit.ts";
import { loadVisitorProfile, publicVisitorOf } from "../../queries/visitor-profile.ts";
import { submitCommand } from "../submit-command.ts";
import { isUnchangedIdentify } from "../unchanged-identify.ts";
import { requireVisitorRequest } from "../visitor-request.ts";

/**
 * `POST /v1/contacts/identify` (public key + visitor token; body IdentifyParams): links the
 * visitor to a contact through the `contact.identify` command and returns both. A wrong or
 * missing signature where one is needed is a 403 `identity_verification_failed`. Its command
 * goes through `visitorCommands`, the same per-visitor, per-IP and per-website budgets as the
 * widget's outbox, so REST is no way around them.
 */
export function contactsRouter(
	db: Database,
	auth: Authenticator,
	visitorCommands: CommandSubmitter,
): Router {
	const router = Router();
	router.post("/contacts/identify", async (req, res) => {
		const principal = await requireVisitorRequest(auth, req);
		const params = v.parse(identifyParamsSchema, req.body);
		let profile = await loadVisitorProfile(db, principal.visitorId);
		if (!profile || !isUnchangedIdentify(profile, params)) {
			await submitCommand(visitorCommands, principal, { ...params, type: "contact.identify" });
			profile = await loadVisitorProfile(db, principal.visitorId);
		}
		const visitor = profile ? publicVisitorOf(profile) : null;
		if (!visitor?.contact) throw new ApiError(404, "not_found", "The visitor is gone.");
		const body: IdentifyResponse = { visitor, contact: visitor.contact };
		res.json(body);
	});
	return router;
}
