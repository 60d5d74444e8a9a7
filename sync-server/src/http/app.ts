import express, { type Express } from "express";
import type { Authenticator } from "../auth/authenticator.ts";
import type { CommandPipeline } from "../commands/command-pipeline.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import { cors } from "./cors.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { agentAuthRouter } from "./routes/agent-auth.ts";
import { contactsRouter } from "./routes/contacts.ts";
import { healthRouter } from "./routes/health.ts";
import { supportRouter } from "./routes/support.ts";
import { websitesRouter } from "./routes/websites.ts";

export interface HttpAppOptions {
	db: Database;
	auth: Authenticator;
	logger: Logger;
	sessionTtlMs: number;
	stats: () => Record<string, number>;
	/** Routes that change state submit commands here (the one write path). */
	pipeline: CommandPipeline;
}

/** The Express 5 app: `/healthz` and the REST API under `/v1`, one JSON error shape. */
export function createHttpApp(options: HttpAppOptions): Express {
	const app = express();
	app.disable("x-powered-by");
	app.set("trust proxy", false);
	app.use(healthRouter(options.db, options.stats));

	const v1 = express.Router();
	v1.use(cors);
	v1.use(express.json({ limit: "256kb" }));
	v1.use(websitesRouter(options.db, options.auth));
	v1.use(agentAuthRouter(options.db, options.auth, options.sessionTtlMs));
	v1.use(contactsRouter(options.db, options.auth, options.pipeline));
	v1.use(supportRouter(options.db, options.auth, options.pipeline));
	app.use("/v1", v1);

	app.use(notFoundHandler);
	app.use(errorHandler(options.logger));
	return app;
}
