import { type ContactResponse, updateContactRequestSchema } from "@cossistant/types";
import { type Request, Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { findTeamContact, toContactRecord } from "../../queries/directory.ts";
import { idParam } from "../route-params.ts";
import { submitCommand } from "../submit-command.ts";
import { requestIds, requireTeamCaller, type TeamCaller } from "./team-request.ts";

/**
 * Contacts for the support team (backends, agents):
 * - `GET /v1/contacts/:contactId`: the contact (metadata, organization, own flags).
 * - `PATCH /v1/contacts/:contactId`: name, email, image, metadata, organizationId through the
 *   `contact.update` command, so every device of the contact sees the change in its `profile`
 *   at once; metadata with an unchanged hash writes nothing. Flags stay on
 *   `PATCH /v1/support/feature-flags`.
 */
export function contactsAdminRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();

	router.get("/contacts/:contactId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const response: ContactResponse = {
			contact: toContactRecord(await requireContact(db, caller, req)),
		};
		res.json(response);
	});

	router.patch("/contacts/:contactId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const contact = await requireContact(db, caller, req);
		const changes = v.parse(updateContactRequestSchema, req.body ?? {});
		const principal = await caller.principal();
		await submitCommand(
			pipeline,
			principal,
			{ type: "contact.update", contactId: contact.id, ...changes },
			requestIds(req, principal).id("command"),
		);
		const response: ContactResponse = {
			contact: toContactRecord(await requireContact(db, caller, req)),
		};
		res.json(response);
	});

	return router;
}

async function requireContact(db: Database, caller: TeamCaller, req: Request) {
	const id = idParam(req, "contactId");
	const contact = await findTeamContact(db, caller.websiteIds, id);
	if (!contact) throw new ApiError(404, "not_found", `Contact ${id} not found.`);
	return contact;
}
