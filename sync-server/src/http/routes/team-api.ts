import { Router } from "express";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { contactsAdminRouter } from "./contacts-admin.ts";
import { conversationMessagesRouter } from "./conversation-messages.ts";
import { conversationsRouter } from "./conversations.ts";
import { organizationsRouter } from "./organizations.ts";
import { teamFeatureFlagsRouter } from "./team-feature-flags.ts";
import { teamVisitorsRouter } from "./team-visitors.ts";
import { visitorsRouter } from "./visitors.ts";

/**
 * The private REST API of the support team: backends (`Authorization: Bearer sk_…`, optionally
 * as an AI agent) and the dashboard (agent sessions). Conversations, messages and notes,
 * visitors' blocks, contacts and organizations; every write a command through the pipeline.
 */
export function teamApiRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();
	router.use(conversationsRouter(db, auth, pipeline));
	router.use(conversationMessagesRouter(db, auth, pipeline));
	router.use(visitorsRouter(db, auth, pipeline));
	router.use(contactsAdminRouter(db, auth, pipeline));
	router.use(organizationsRouter(db, auth, pipeline));
	router.use(teamVisitorsRouter(db, auth));
	router.use(teamFeatureFlagsRouter(db, auth, pipeline));
	return router;
}
