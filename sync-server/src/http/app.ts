import express, { type Express, type Router } from "express";
import type { Authenticator } from "../auth/authenticator.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import type { CommandPipeline } from "../pipeline/command-pipeline.ts";
import type { CommandSubmitter } from "../pipeline/command-rate-limit.ts";
import type { SocketSupervisor } from "../realtime/socket-supervisor.ts";
import { cors } from "./cors.ts";
import { DASHBOARD_PATH, dashboardRouter } from "./dashboard-static.ts";
import { DEMO_PATH } from "./demo-page.ts";
import { EMBED_PATH, type EmbedStatic } from "./embed-static.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { type RestLimits, restRateLimit } from "./rate-limit.ts";
import { refuseUnstorableText } from "./refuse-unstorable-text.ts";
import { administrationRouter } from "./routes/administration.ts";
import { agentAuthRouter } from "./routes/agent-auth.ts";
import { contactsRouter } from "./routes/contacts.ts";
import { healthRouter } from "./routes/health.ts";
import { openApiRouter } from "./routes/openapi.ts";
import { supportRouter } from "./routes/support.ts";
import { teamApiRouter } from "./routes/team-api.ts";
import { type UploadsConfig, uploadsRouter } from "./routes/uploads.ts";
import { websitesRouter } from "./routes/websites.ts";

export interface HttpAppOptions {
	db: Database;
	auth: Authenticator;
	logger: Logger;
	sessionTtlMs: number;
	stats: () => Record<string, number>;
	/** Closes open sockets whose credentials end (logout, revoked key, removed agent). */
	sockets: SocketSupervisor;
	/** Per-IP request and failed-login limits. */
	limits: RestLimits;
	/** New visitors per hour per client IP at the widget's bootstrap; 0 = unlimited. */
	visitorCreationPerHour?: number;
	/** Express `trust proxy` (which X-Forwarded-For hop is the client, for per-IP limits). */
	trustProxy?: boolean | number | string;
	/** Routes that change state submit commands here (the one write path). */
	pipeline: CommandPipeline;
	/** The pipeline behind the visitors' command budgets: visitor routes submit here. */
	visitorCommands: CommandSubmitter;
	/** Uploaded files: directory, size limit, uploads per minute. */
	uploads: UploadsConfig;
	/** Directory of the built dashboard, served under `/dashboard/` when it holds a build. */
	dashboardDir?: string;
	/** The built script-tag embed, served under `/widget/` (see `embedStatic`). */
	embed?: EmbedStatic | null;
	/** The demo host page, served under `/demo/` (see `demoPageRouter`). */
	demoPage?: Router | null;
}

/** The Express 5 app: `/healthz` and the REST API under `/v1`, one JSON error shape. */
export function createHttpApp(options: HttpAppOptions): Express {
	const app = express();
	app.disable("x-powered-by");
	app.set("trust proxy", false);
	if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
	app.use(healthRouter(options.db, options.stats));

	const v1 = express.Router();
	v1.use(cors);
	// API answers are per visitor / per agent: never from a cache (routes such as uploads that
	// are cacheable set their own Cache-Control).
	v1.use((_req, res, next) => {
		res.setHeader("Cache-Control", "no-store");
		next();
	});
	v1.use(restRateLimit(options.limits));
	v1.use(options.auth.websites.forgetOnTeamWrites());
	v1.use(express.json({ limit: "256kb" }));
	v1.use(refuseUnstorableText());
	v1.use(openApiRouter());
	v1.use(
		websitesRouter(options.db, options.auth, {
			visitorCreationPerHour: options.visitorCreationPerHour,
		}),
	);
	v1.use(
		agentAuthRouter(options.db, options.auth, {
			sessionTtlMs: options.sessionTtlMs,
			limits: options.limits,
			sockets: options.sockets,
		}),
	);
	v1.use(administrationRouter(options));
	v1.use(contactsRouter(options.db, options.auth, options.visitorCommands));
	v1.use(supportRouter(options.db, options.auth, options.pipeline));
	v1.use(teamApiRouter(options.db, options.auth, options.pipeline));
	v1.use(uploadsRouter(options.db, options.auth, options.uploads, options.logger));
	app.use("/v1", v1);

	const dashboard = options.dashboardDir ? dashboardRouter(options.dashboardDir) : null;
	if (dashboard) app.use(DASHBOARD_PATH, dashboard);
	if (options.embed) app.use(EMBED_PATH, options.embed.router);
	if (options.demoPage) app.use(DEMO_PATH, options.demoPage);

	app.use(notFoundHandler);
	app.use(errorHandler(options.logger));
	return app;
}
