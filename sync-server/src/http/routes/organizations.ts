import {
	createOrganizationRequestSchema,
	listOrganizationsQuerySchema,
	type OrganizationListResponse,
	type OrganizationResponse,
	updateOrganizationRequestSchema,
} from "@cossistant/types";
import { type Request, Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import {
	findTeamOrganization,
	listOrganizations,
	toOrganizationRecord,
} from "../../queries/directory.ts";
import { idParam } from "../route-params.ts";
import { submitCommand } from "../submit-command.ts";
import { requestIds, requireTeamCaller, type TeamCaller } from "./team-request.ts";

/**
 * Contact organizations (companies) for the support team (backends, agents): list, read,
 * create, update (name, externalId, metadata) through the `organization.*` commands. Their
 * flags stay on `PATCH /v1/support/feature-flags`; contacts join one with
 * `PATCH /v1/contacts/:contactId { organizationId }`.
 */
export function organizationsRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();

	router.get("/organizations", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const { websiteId, ...query } = v.parse(listOrganizationsQuerySchema, req.query);
		const websiteIds = websiteId ? new Set([caller.websiteFor(websiteId)]) : caller.websiteIds;
		const response: OrganizationListResponse = await listOrganizations(db, websiteIds, query);
		res.json(response);
	});

	router.get("/organizations/:organizationId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const response: OrganizationResponse = {
			organization: toOrganizationRecord(await requireOrganization(db, caller, req)),
		};
		res.json(response);
	});

	router.post("/organizations", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const { websiteId: requested, ...fields } = v.parse(
			createOrganizationRequestSchema,
			req.body ?? {},
		);
		const websiteId = caller.websiteFor(requested);
		const principal = await caller.principal();
		const ids = requestIds(req, principal);
		const organizationId = ids.id("organization");
		await submitCommand(
			pipeline,
			principal,
			{ type: "organization.create", organizationId, websiteId, ...fields },
			ids.id("command"),
		);
		const row = await findTeamOrganization(db, caller.websiteIds, organizationId);
		if (!row) throw new ApiError(404, "not_found", "The organization is gone.");
		const response: OrganizationResponse = { organization: toOrganizationRecord(row) };
		res.status(201).json(response);
	});

	router.patch("/organizations/:organizationId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const organization = await requireOrganization(db, caller, req);
		const changes = v.parse(updateOrganizationRequestSchema, req.body ?? {});
		const principal = await caller.principal();
		await submitCommand(
			pipeline,
			principal,
			{ type: "organization.update", organizationId: organization.id, ...changes },
			requestIds(req, principal).id("command"),
		);
		const response: OrganizationResponse = {
			organization: toOrganizationRecord(await requireOrganization(db, caller, req)),
		};
		res.json(response);
	});

	return router;
}

async function requireOrganization(db: Database, caller: TeamCaller, req: Request) {
	const id = idParam(req, "organizationId");
	const row = await findTeamOrganization(db, caller.websiteIds, id);
	if (!row) throw new ApiError(404, "not_found", `Organization ${id} not found.`);
	return row;
}
