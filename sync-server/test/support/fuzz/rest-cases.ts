import {
	mutate,
	randomJson,
	randomObject,
	randomString,
	type WireBody,
	wellFormed,
	wireBody,
} from "./json-gen.ts";
import type { Random } from "./random.ts";

/** A credential a fuzzed request may carry (valid ones and every wrong kind). */
export interface FuzzCredential {
	name: string;
	headers: Record<string, string>;
	/** Never used on routes that would end it (e.g. logout with a session we still need). */
	precious?: boolean;
}

/** A mounted write route, as Express lists it (`/v1/conversations/:conversationId`). */
export interface FuzzRoute {
	method: string;
	path: string;
}

/** One generated request. */
export interface RestCase {
	method: string;
	/** Absolute path (`/v1/…`), parameters filled. */
	path: string;
	route: string;
	credential: string;
	headers: Record<string, string>;
	body: WireBody;
}

/** Real ids to put into paths and bodies (so cases reach the handlers, not only the 404s). */
export type FuzzIds = Record<
	| "conversationId"
	| "visitorId"
	| "contactId"
	| "organizationId"
	| "websiteId"
	| "userId"
	| "aiAgentId"
	| "apiKeyId",
	string
>;

/** Valid bodies per route: mutation starts from these. */
function templates(route: FuzzRoute, ids: FuzzIds, random: Random): unknown[] {
	const text = { type: "text", text: "Hello there" };
	const image = { type: "image", url: "https://cdn.example.com/a.png", mediaType: "image/png" };
	switch (`${route.method.toUpperCase()} ${route.path}`) {
		case "POST /v1/conversations":
			return [
				{ visitorId: ids.visitorId, message: { text: "Hi" } },
				{
					visitorId: ids.visitorId,
					title: "Billing",
					aiAgentId: ids.aiAgentId,
					message: { parts: [text, image] },
				},
			];
		case "POST /v1/conversations/:conversationId/messages":
			return [
				{ text: "Hi" },
				{ parts: [image], visibility: "private" },
				{ text: "AI", aiAgentId: ids.aiAgentId },
			];
		case "PATCH /v1/conversations/:conversationId":
			return [
				{ status: "resolved", priority: "urgent", tags: { add: ["billing"] } },
				{ tags: { set: ["a", "b"] }, assigneeIds: { add: [ids.userId] }, participation: "join" },
				{ status: "open", assigneeIds: { remove: [ids.userId] }, participation: "leave" },
			];
		case "POST /v1/visitors/:visitorId/block":
		case "POST /v1/visitors/:visitorId/unblock":
			return [{}, { conversationId: ids.conversationId }];
		case "PATCH /v1/contacts/:contactId":
			return [
				{ name: "Ann", email: `a${random.int(0, 99)}@example.com`, metadata: { plan: "pro" } },
				{ organizationId: random.chance(0.5) ? ids.organizationId : null, image: null },
			];
		case "POST /v1/organizations":
			return [{ name: "Acme", externalId: `org-${random.int(0, 50)}`, metadata: { tier: 1 } }];
		case "PATCH /v1/organizations/:organizationId":
			return [{ name: "Acme 2", metadata: { tier: "gold" } }, { externalId: null }];
		case "POST /v1/contacts/identify":
			return [
				{ externalId: `user-${random.int(0, 20)}`, name: "Ann", metadata: { plan: "pro" } },
				{ email: "x@example.com", signature: "0".repeat(64) },
			];
		case "PATCH /v1/support/feature-flags":
			return [
				{
					target: {
						type: random.pick(["visitor", "contact", "contactOrganization"]),
						id: ids.contactId,
					},
					operation: "add",
					flags: ["beta"],
				},
			];
		case "POST /v1/setup":
			return [
				{
					email: "root@example.com",
					name: "Root",
					password: "long-enough-pw",
					websiteName: "Site",
				},
			];
		case "POST /v1/auth/login":
			return [{ email: "admin@example.com", password: "wrong-password" }];
		case "POST /v1/auth/accept-invite":
			return [{ token: "inv_guess", password: "long-enough-pw" }];
		case "POST /v1/websites/:websiteId/api-keys":
			return [{ name: "fuzz", kind: "private", environment: "test" }];
		case "PATCH /v1/websites/:websiteId/settings":
			return [
				{ name: "Site", allowedOrigins: ["https://app.example.test", "https://*.example.test"] },
			];
		case "POST /v1/websites/:websiteId/agents":
			return [{ email: `agent${random.int(0, 20)}@example.com`, name: "Agent", role: "agent" }];
		case "POST /v1/websites/:websiteId/ai-agents":
			return [{ name: "Bot" }];
		default:
			return [{}];
	}
}

/** Percent-encodes any text (lone surrogates, which cannot be encoded, become U+FFFD). */
function encode(text: string): string {
	return encodeURIComponent(wellFormed(text));
}

/** A path parameter: usually the real id, sometimes a stranger's, sometimes hostile text. */
function paramValue(random: Random, name: string, ids: FuzzIds): string {
	return random.weighted<() => string>([
		[6, () => (ids as Record<string, string>)[name] ?? "missing-id"],
		[
			2,
			() => `0190${random.int(0, 1e9).toString(16).padStart(8, "0")}-0000-7000-8000-000000000000`,
		],
		[1, () => encode(randomString(random, 100)) || "x"],
		[
			1,
			() =>
				random.pick([
					"..",
					"%2e%2e",
					"%E0%A4%A",
					"%00",
					"a".repeat(300),
					"conv%2Fx",
					"__proto__",
					"constructor",
				]),
		],
	])();
}

/** Generates one request against a random write route. */
export function restCase(
	random: Random,
	routes: readonly FuzzRoute[],
	credentials: readonly FuzzCredential[],
	ids: FuzzIds,
): RestCase {
	const route = random.pick(routes);
	const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
		paramValue(random, name, ids),
	);
	const pool =
		route.path === "/v1/auth/logout" ? credentials.filter((c) => !c.precious) : credentials;
	const credential = random.pick(pool);
	const template = random.pick(templates(route, ids, random));
	const value = random.weighted<() => unknown>([
		[5, () => template],
		[10, () => mutate(random, template)],
		[4, () => randomObject(random, 3)],
		[2, () => randomJson(random, 4)],
	])();
	const headers: Record<string, string> = { ...credential.headers };
	if (random.chance(0.15)) {
		headers["idempotency-key"] = random.chance(0.7)
			? `k-${random.int(0, 30)}`
			: encode(randomString(random, 300)) || "k";
	}
	if (random.chance(0.1)) {
		headers["x-ai-agent-id"] = random.chance(0.6)
			? ids.aiAgentId
			: encode(randomString(random, 80)) || "x";
	}
	return {
		method: route.method.toUpperCase(),
		path,
		route: `${route.method.toUpperCase()} ${route.path}`,
		credential: credential.name,
		headers,
		body: wireBody(random, value),
	};
}
