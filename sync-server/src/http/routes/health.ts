import { Router } from "express";
import type { Database } from "../../persistence/database.ts";

/** `GET /healthz`: 200 when the database answers, 503 otherwise. */
export function healthRouter(db: Database, stats: () => Record<string, number>): Router {
	const router = Router();
	router.get("/healthz", async (_req, res) => {
		try {
			await db.sql.query("SELECT 1");
			res.json({ status: "ok", database: db.kind, ...stats() });
		} catch {
			res.status(503).json({ status: "degraded", database: db.kind, ...stats() });
		}
	});
	return router;
}
