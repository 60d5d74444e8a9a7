import { Router } from "express";
import { buildOpenApiDocument } from "../openapi/document.ts";
import { OPERATIONS } from "../openapi/operations/index.ts";

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document, built once from the operation catalog. */
export function openApiRouter(): Router {
	const router = Router();
	let document: string | null = null;
	router.get("/openapi.json", (_req, res) => {
		document ??= JSON.stringify(buildOpenApiDocument(OPERATIONS));
		res.type("application/json").send(document);
	});
	return router;
}
