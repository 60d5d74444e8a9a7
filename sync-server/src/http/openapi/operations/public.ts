import { HEADERS, websiteBootstrapResponseSchema } from "@cossistant/types";
import * as v from "valibot";
import { type OperationDoc, operation } from "../operation.ts";

const healthSchema = v.pipe(
	v.objectWithRest(
		{
			status: v.picklist(["ok", "degraded"]),
			database: v.picklist(["postgres", "pglite"]),
		},
		v.number(),
	),
	v.description(
		"Process health; extra numeric fields are live counters (connections, documents, …).",
	),
);

const health = { name: "Health", schema: healthSchema };

/** A JSON object (the OpenAPI document itself). */
const openApiDocumentSchema = v.record(v.string(), v.unknown());

/** Routes anyone may call: health, this document, the widget's bootstrap. */
export const publicOperations: OperationDoc[] = [
	operation({
		method: "get",
		path: "/healthz",
		operationId: "health",
		tag: "Health",
		summary: "Process and database health",
		description: "200 when the database answers, 503 (same body, `degraded`) otherwise.",
		security: [],
		responses: [
			{ status: 200, description: "Healthy.", body: health },
			{ status: 503, description: "The database does not answer (`degraded`).", body: health },
		],
	}),
	operation({
		method: "get",
		path: "/v1/openapi.json",
		operationId: "getOpenApiDocument",
		tag: "Health",
		summary: "This OpenAPI 3.1 document",
		security: [],
		responses: [
			{
				status: 200,
				description: "The document.",
				body: { name: "OpenApiDocument", schema: openApiDocumentSchema },
			},
		],
	}),
	operation({
		method: "get",
		path: "/v1/websites",
		operationId: "bootstrapVisitor",
		tag: "Widget",
		summary: "Widget bootstrap: the website, the visitor and its signed token",
		description:
			"With a public key from an allowed origin (test keys: localhost too), resumes the visitor " +
			"proven by `X-Visitor-Token` or creates a new one. `visitor.isBlocked` tells the widget " +
			"when support is closed to this visitor. `visitorToken` is the token sent while it is " +
			"young, else a fresh one: this is where tokens renew. An expired token (refused " +
			"everywhere else with `visitor_token_expired`) still resumes its visitor here within " +
			"a grace period (30 days by default); older ones count as no token.",
		security: ["publicKey"],
		headers: [
			{ name: HEADERS.visitorToken, description: "The token of a visitor to resume." },
			{ name: HEADERS.visitorLanguage, description: "BCP 47 language (else Accept-Language)." },
			{ name: HEADERS.visitorTimezone, description: "IANA time zone, e.g. Europe/Paris." },
		],
		responses: [
			{
				status: 200,
				description: "The bootstrap.",
				body: { name: "WebsiteBootstrapResponse", schema: websiteBootstrapResponseSchema },
			},
		],
		errors: { 403: "`origin_not_allowed`: the Origin is not in the website's allowed domains." },
	}),
];
