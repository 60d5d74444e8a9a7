import { createAiAgentRequestSchema } from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Database } from "../../persistence/database.ts";
import { requireWebsiteAdmin, requireWebsiteAgent } from "../request-auth.ts";
import { idParam } from "../route-params.ts";

/**
 * AI agents of a website: actors that backends (private key) post messages and events as
 * (`aiAgentId` on timeline items). Its agents list them; admins create them.
 */
export function aiAgentsRouter(db: Database, auth: Authenticator): Router {
	const router = Router();

	router.get("/websites/:websiteId/ai-agents", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAgent(auth, req, websiteId);
		const aiAgents = await db.prisma.aiAgent.findMany({
			where: { websiteId },
			orderBy: { createdAt: "asc" },
			select: { id: true, name: true, image: true },
		});
		res.json({ aiAgents });
	});

	router.post("/websites/:websiteId/ai-agents", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const { name, image } = v.parse(createAiAgentRequestSchema, req.body);
		const aiAgent = await db.prisma.aiAgent.create({
			data: { id: uuidv7(), websiteId, name, image: image ?? null },
			select: { id: true, name: true, image: true },
		});
		res.status(201).json({ aiAgent });
	});

	return router;
}
