import type {
	ContactVisitorsResponse,
	VisitorDetail,
	VisitorDetailResponse,
} from "@cossistant/types";
import { Router } from "express";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Visitor } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import { findTeamContact, findTeamVisitor, toTeamVisitor } from "../../queries/directory.ts";
import { describeUserAgent } from "../../queries/user-agent.ts";
import { idParam } from "../route-params.ts";
import { requireTeamCaller } from "./team-request.ts";

/** A contact has a handful of devices; this bounds the answer should one have thousands. */
const MAX_CONTACT_VISITORS = 100;

/**
 * Visitors for the support team (agents, backends), what the dashboard's contact panel shows:
 * - `GET /v1/visitors/:visitorId`: the visitor with its device (browser / OS from its User-Agent).
 * - `GET /v1/contacts/:contactId/visitors`: the contact's visitors (devices), most recently seen
 *   first.
 * Scoped to the caller's websites: another website's ids are `404`.
 */
export function teamVisitorsRouter(db: Database, auth: Authenticator): Router {
	const router = Router();

	router.get("/visitors/:visitorId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const visitorId = idParam(req, "visitorId");
		const row = await findTeamVisitor(db, caller.websiteIds, visitorId);
		if (!row) throw new ApiError(404, "not_found", `Visitor ${visitorId} not found.`);
		const response: VisitorDetailResponse = { visitor: toVisitorDetail(row) };
		res.json(response);
	});

	router.get("/contacts/:contactId/visitors", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const contactId = idParam(req, "contactId");
		const contact = await findTeamContact(db, caller.websiteIds, contactId);
		if (!contact) throw new ApiError(404, "not_found", `Contact ${contactId} not found.`);
		const rows = await db.prisma.visitor.findMany({
			where: { contactId: contact.id, websiteId: contact.websiteId },
			orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
			take: MAX_CONTACT_VISITORS,
		});
		const response: ContactVisitorsResponse = { visitors: rows.map(toVisitorDetail) };
		res.json(response);
	});

	return router;
}

/** A visitor row with its device described. */
export function toVisitorDetail(row: Visitor): VisitorDetail {
	return { ...toTeamVisitor(row), device: describeUserAgent(row.userAgent) };
}
