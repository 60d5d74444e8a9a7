import { createHmac } from "node:crypto";
import {
	DocumentNames,
	HEADERS,
	type SupportState,
	VISITOR_DOC_KEYS,
	VISITOR_PROFILE_KEYS,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { generateApiKey } from "../../src/auth/api-keys.ts";
import { randomToken } from "../../src/auth/crypto-helpers.ts";
import type { Database } from "../../src/persistence/database.ts";
import type { SyncServer } from "../../src/server.ts";
import { TestClient } from "./test-client.ts";
import { bootstrapVisitor } from "./test-server.ts";

/** The origin every fixture website allows (live public keys only work from it). */
export const SITE_ORIGIN = "https://app.example.test";

/** A website with a live and a test public key, a private key and its identity secret. */
export interface TestWebsite {
	websiteId: string;
	identitySecret: string;
	liveKey: string;
	testKey: string;
	privateKey: string;
	privateKeyId: string;
}

/** A bootstrapped visitor and what its requests carry. */
export interface TestVisitor {
	visitorId: string;
	token: string;
	publicKey: string;
	websiteId: string;
}

/** Creates a website with its keys directly in the database (what an admin would set up). */
export async function createTestWebsite(
	db: Database,
	options: { identityVerificationRequired?: boolean } = {},
): Promise<TestWebsite> {
	const websiteId = uuidv7();
	const identitySecret = randomToken(32);
	await db.prisma.website.create({
		data: {
			id: websiteId,
			name: `Website ${websiteId}`,
			allowedOrigins: [SITE_ORIGIN],
			identitySecret,
			identityVerificationRequired: options.identityVerificationRequired ?? false,
		},
	});
	const live = generateApiKey("public", "live");
	const test = generateApiKey("public", "test");
	const secret = generateApiKey("private", "test");
	const privateKeyId = uuidv7();
	await db.prisma.apiKey.createMany({
		data: [
			{ key: live, kind: "public", environment: "live", id: uuidv7() },
			{ key: test, kind: "public", environment: "test", id: uuidv7() },
			{ key: secret, kind: "private", environment: "test", id: privateKeyId },
		].map(({ key, kind, environment, id }) => ({
			id,
			websiteId,
			kind,
			environment,
			name: `${kind} ${environment}`,
			prefix: key.prefix,
			keyHash: key.hash,
			publicValue: kind === "public" ? key.value : null,
		})),
	});
	return {
		websiteId,
		identitySecret,
		liveKey: live.value,
		testKey: test.value,
		privateKey: secret.value,
		privateKeyId,
	};
}

/** A new visitor of `site`, bootstrapped through `GET /v1/websites` with the given key. */
export async function createVisitor(
	server: SyncServer,
	site: TestWebsite,
	environment: "live" | "test" = "test",
): Promise<TestVisitor> {
	const publicKey = environment === "live" ? site.liveKey : site.testKey;
	const boot = await bootstrapVisitor(server, publicKey, { origin: SITE_ORIGIN });
	return {
		visitorId: boot.visitor.id,
		token: boot.visitorToken,
		publicKey,
		websiteId: site.websiteId,
	};
}

/** The identify signature a host's server computes: hex HMAC-SHA256 of the external id. */
export function sign(site: TestWebsite, externalId: string): string {
	return createHmac("sha256", site.identitySecret).update(externalId).digest("hex");
}

/** A JSON REST call; returns the status and the parsed body (checked by the tests' assertions). */
export async function api(
	server: SyncServer,
	method: string,
	path: string,
	init: { headers?: Record<string, string>; body?: unknown } = {},
	// biome-ignore lint/suspicious/noExplicitAny: response shapes are asserted by each test
): Promise<{ status: number; body: any }> {
	const response = await fetch(`${server.apiUrl}${path}`, {
		method,
		headers: { "content-type": "application/json", ...init.headers },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The headers of a widget request: public key, allowed origin and visitor token. */
export function visitorHeaders(visitor: TestVisitor): Record<string, string> {
	return {
		[HEADERS.publicKey]: visitor.publicKey,
		[HEADERS.visitorToken]: visitor.token,
		origin: SITE_ORIGIN,
	};
}

/** `POST /v1/contacts/identify` as the widget sends it. */
export function identify(
	server: SyncServer,
	visitor: TestVisitor,
	params: Record<string, unknown>,
) {
	return api(server, "POST", "/contacts/identify", {
		headers: visitorHeaders(visitor),
		body: params,
	});
}

/** `PATCH /v1/support/feature-flags` with a private key. */
export function mutateFlags(server: SyncServer, privateKey: string, body: unknown) {
	return api(server, "PATCH", "/support/feature-flags", {
		headers: { authorization: `Bearer ${privateKey}` },
		body,
	});
}

/** A real widget-like client of `visitor` (WebSocket with its public key and origin). */
export function visitorClient(server: SyncServer, visitor: TestVisitor): TestClient {
	return new TestClient({
		wsUrl: server.wsUrl,
		token: visitor.token,
		principal: `visitor:${visitor.visitorId}`,
		publicKey: visitor.publicKey,
		origin: SITE_ORIGIN,
	});
}

/** The support state in a client's replica of `visitor/{id}` (undefined before any change). */
export function profileState(client: TestClient, visitorId: string): SupportState | undefined {
	return client
		.doc(DocumentNames.visitor(visitorId))
		.getMap<unknown>(VISITOR_DOC_KEYS.profile)
		.get(VISITOR_PROFILE_KEYS.supportState) as SupportState | undefined;
}

/** Number of update-log rows of a document (a write that changes nothing adds none). */
export function docUpdateCount(db: Database, docName: string): Promise<number> {
	return db.prisma.docUpdate.count({ where: { docName } });
}

/** A website with one public key of `environment` (what another customer has), created directly. */
export async function createWebsiteWithKey(
	db: Database,
	options: { environment: "test" | "live"; allowedOrigins: string[] },
) {
	const websiteId = uuidv7();
	const key = generateApiKey("public", options.environment);
	await db.prisma.website.create({
		data: {
			id: websiteId,
			name: `Website ${websiteId}`,
			allowedOrigins: options.allowedOrigins,
			identitySecret: randomToken(32),
		},
	});
	const apiKey = await db.prisma.apiKey.create({
		data: {
			id: uuidv7(),
			websiteId,
			kind: "public",
			environment: options.environment,
			name: "Test key",
			prefix: key.prefix,
			keyHash: key.hash,
			publicValue: key.value,
		},
	});
	return { websiteId, publicKey: key.value, apiKeyId: apiKey.id };
}
