import { Router } from "express";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import type { RestLimits } from "../rate-limit.ts";
import { agentRolesRouter } from "./agent-roles.ts";
import { agentsRouter } from "./agents.ts";
import { aiAgentsRouter } from "./ai-agents.ts";
import { apiKeysRouter } from "./api-keys.ts";
import { invitationsRouter } from "./invitations.ts";
import { setupRouter } from "./setup.ts";
import { websiteSettingsRouter } from "./website-settings.ts";

/** Dependencies of the administration routes. */
export interface AdministrationOptions {
	db: Database;
	auth: Authenticator;
	sessionTtlMs: number;
	sockets: Pick<SocketSupervisor, "closeApiKey" | "closeUser">;
	/** Failed-attempt limits of the routes that take a secret (invitation tokens). */
	limits: RestLimits;
}

/** First-admin setup and a website's administration: keys, settings, agents, AI agents. */
export function administrationRouter(options: AdministrationOptions): Router {
	const { db, auth, sessionTtlMs, sockets, limits } = options;
	const router = Router();
	router.use(setupRouter(db, sessionTtlMs));
	router.use(apiKeysRouter(db, auth, sockets));
	router.use(websiteSettingsRouter(db, auth));
	router.use(agentsRouter(db, auth, { sockets }));
	router.use(invitationsRouter(db, auth, { sessionTtlMs, limits }));
	router.use(agentRolesRouter(db, auth, sockets));
	router.use(aiAgentsRouter(db, auth));
	return router;
}
