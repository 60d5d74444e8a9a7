// Public keys, origins and visitor tokens: what the widget's credentials let in, against a real
// server (docs/security.md).

import { randomBytes } from "node:crypto";
import { apiErrorBodySchema, CloseCodes, HEADERS } from "@cossistant/types";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { generateApiKey } from "../src/auth/api-keys.ts";
import { randomToken } from "../src/auth/crypto-helpers.ts";
import { VisitorTokenSigner } from "../src/auth/visitor-token.ts";
import { ServerFixture, startConversation } from "./support/server-fixture.ts";
import { createWebsiteWithKey } from "./support/support-fixtures.ts";
import { testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("public keys and origins on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("public keys and origins", () => {
		async function getWebsites(headers: Record<string, string>) {
			const response = await fetch(`${fx.server.apiUrl}/websites`, { headers });
			return { status: response.status, body: (await response.json()) as unknown };
		}

		function errorCode(body: unknown): string {
			return v.parse(apiErrorBodySchema, body).error.code;
		}

		it("refuses unknown, malformed, private, revoked and missing keys", async () => {
			const unknown = await getWebsites({ [HEADERS.publicKey]: `pk_test_${randomToken(24)}` });
			expect(unknown.status).toBe(401);
			expect(errorCode(unknown.body)).toBe("invalid_api_key");

			for (const malformed of ["not-a-key", "pk_test_short", "pk_prod_abcdefghijklmnopqrstuvwx"]) {
				const response = await getWebsites({ [HEADERS.publicKey]: malformed });
				expect({ key: malformed, status: response.status, code: errorCode(response.body) }).toEqual(
					{
						key: malformed,
						status: 401,
						code: "invalid_api_key",
					},
				);
			}

			// A private key is never a public key, even a well-formed one.
			const secret = await getWebsites({
				[HEADERS.publicKey]: generateApiKey("private", "test").value,
			});
			expect(secret.status).toBe(401);
			expect(errorCode(secret.body)).toBe("invalid_api_key");

			const revoked = await createWebsiteWithKey(fx.database.db, {
				environment: "test",
				allowedOrigins: [],
			});
			await fx.database.db.prisma.apiKey.update({
				where: { id: revoked.apiKeyId },
				data: { revokedAt: new Date() },
			});
			const revokedResponse = await getWebsites({ [HEADERS.publicKey]: revoked.publicKey });
			expect(revokedResponse.status).toBe(401);
			expect(errorCode(revokedResponse.body)).toBe("invalid_api_key");

			const missing = await getWebsites({});
			expect(missing.status).toBe(401);
			expect(errorCode(missing.body)).toBe("missing_public_key");
		});

		it("accepts a test key from localhost and refuses it from a foreign origin", async () => {
			const local = await getWebsites({
				[HEADERS.publicKey]: fx.demoKey,
				origin: "http://localhost:4321",
			});
			expect(local.status).toBe(200);

			const evil = await getWebsites({
				[HEADERS.publicKey]: fx.demoKey,
				origin: "https://evil.example",
			});
			expect(evil.status).toBe(403);
			expect(errorCode(evil.body)).toBe("origin_not_allowed");
		});

		it("accepts a live key only from its allowed origins and wildcards, with the same protocol", async () => {
			const live = await createWebsiteWithKey(fx.database.db, {
				environment: "live",
				// Entries as an admin may type them: a trailing slash is tolerated on either kind.
				allowedOrigins: [
					"https://shop.acme.test",
					"https://*.example.com",
					"https://*.partner.test/",
				],
			});
			const allowed = [
				"https://shop.acme.test",
				"https://app.example.com",
				"https://eu.app.example.com",
				"https://help.partner.test",
			];
			for (const origin of allowed) {
				const response = await getWebsites({ [HEADERS.publicKey]: live.publicKey, origin });
				expect({ origin, status: response.status }).toEqual({ origin, status: 200 });
			}

			const refused = [
				"http://shop.acme.test", // protocol mismatch with an exact entry
				"http://app.example.com", // protocol mismatch with a wildcard
				"https://shop.acme.test:8443", // another port is another origin
				"https://example.com", // a wildcard covers subdomains, not the domain itself
				"https://evilexample.com",
				"https://app.example.com.evil.test",
				"http://help.partner.test",
				"http://localhost:3000", // localhost is for test keys only
				"null",
			];
			for (const origin of refused) {
				const response = await getWebsites({ [HEADERS.publicKey]: live.publicKey, origin });
				expect({ origin, status: response.status, code: errorCode(response.body) }).toEqual({
					origin,
					status: 403,
					code: "origin_not_allowed",
				});
			}
			// Without an Origin header (a fx.server, curl) a live key is refused too.
			const noOrigin = await getWebsites({ [HEADERS.publicKey]: live.publicKey });
			expect(noOrigin.status).toBe(403);
			expect(errorCode(noOrigin.body)).toBe("origin_not_allowed");
		});

		it("checks the key and origin on the WebSocket upgrade", async () => {
			const evil = fx.rawSocket({ publicKey: fx.demoKey, origin: "https://evil.example" });
			expect(await evil.waitForClose()).toEqual({
				code: CloseCodes.Forbidden,
				reason: "origin_not_allowed",
			});

			const unknown = fx.rawSocket({ publicKey: `pk_test_${randomToken(24)}` });
			expect(await unknown.waitForClose()).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "invalid_api_key",
			});

			const malformed = fx.rawSocket({ publicKey: "nonsense" });
			expect(await malformed.waitForClose()).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "invalid_api_key",
			});

			// The same live key works over the socket from an allowed origin.
			const live = await createWebsiteWithKey(fx.database.db, {
				environment: "live",
				allowedOrigins: ["https://*.example.com"],
			});
			const visitor = await fx.visitorClient({
				publicKey: live.publicKey,
				origin: "https://help.example.com",
			});
			const { conversationId } = await startConversation(visitor.client, "from a live site");
			const row = await fx.database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(row.websiteId).toBe(live.websiteId);
		});
	});

	describe("visitor tokens on the REST API", () => {
		it("resumes the same visitor with its token and starts a new one for an invalid token", async () => {
			const first = await bootstrapVisitor(fx.server, fx.demoKey);
			const resumed = await bootstrapVisitor(fx.server, fx.demoKey, {
				visitorToken: first.visitorToken,
			});
			expect(resumed.visitor.id).toBe(first.visitor.id);

			const forged = new VisitorTokenSigner(randomToken(48)).sign(
				first.visitor.id,
				first.website.id,
			);
			for (const token of ["garbage", `vt1.${randomBytes(12).toString("base64url")}.x`, forged]) {
				const fresh = await bootstrapVisitor(fx.server, fx.demoKey, { visitorToken: token });
				expect(fresh.visitor.id).not.toBe(first.visitor.id);
				expect(fresh.visitorToken).not.toBe(token);
			}

			// A genuine token of another website does not resume a visitor here either.
			const other = await createWebsiteWithKey(fx.database.db, {
				environment: "test",
				allowedOrigins: [],
			});
			const stranger = await bootstrapVisitor(fx.server, other.publicKey);
			const elsewhere = await bootstrapVisitor(fx.server, fx.demoKey, {
				visitorToken: stranger.visitorToken,
			});
			expect(elsewhere.visitor.id).not.toBe(stranger.visitor.id);
			const row = await fx.database.db.prisma.visitor.findUniqueOrThrow({
				where: { id: elsewhere.visitor.id },
			});
			expect(row.websiteId).toBe(first.website.id);
		});
	});
});
