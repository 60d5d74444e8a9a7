// Bad credentials on the WebSocket: every one closes the socket with 4401 and a stable reason.

import { CloseCodes, DocumentNames } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { randomToken, sha256Hex } from "../src/auth/crypto-helpers.ts";
import { VisitorTokenSigner } from "../src/auth/visitor-token.ts";
import { eventually } from "./support/eventually.ts";
import { ServerFixture } from "./support/server-fixture.ts";
import { createWebsiteWithKey } from "./support/support-fixtures.ts";
import { TestClient } from "./support/test-client.ts";
import { testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("socket credentials on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("socket credentials", () => {
		it("closes a socket with 4401 and a stable reason for every bad token", async () => {
			const alice = await bootstrapVisitor(fx.server, fx.demoKey);
			const bob = await bootstrapVisitor(fx.server, fx.demoKey);
			const other = await createWebsiteWithKey(fx.database.db, {
				environment: "test",
				allowedOrigins: [],
			});
			const stranger = await bootstrapVisitor(fx.server, other.publicKey);
			const { user } = await loginAgent(fx.server);
			const expiredToken = `st_${randomToken(32)}`;
			await fx.database.db.prisma.session.create({
				data: {
					id: uuidv7(),
					userId: user.id,
					tokenHash: sha256Hex(expiredToken),
					expiresAt: new Date(Date.now() - 60_000),
				},
			});
			// Right format, right claims, signed with a secret that is not the server's.
			const forged = new VisitorTokenSigner(randomToken(48)).sign(
				alice.visitor.id,
				alice.website.id,
			);
			// Bob's genuine signature glued to a payload naming Alice.
			const [, alicePayload] = alice.visitorToken.split(".");
			const [prefix, , bobMac] = bob.visitorToken.split(".");
			const spliced = `${prefix}.${alicePayload}.${bobMac}`;

			const cases = [
				{
					name: "garbage visitor token",
					token: "vt1.not-a-payload.not-a-mac",
					reason: "unauthorized",
				},
				{ name: "forged visitor token", token: forged, reason: "unauthorized" },
				{ name: "spliced visitor token", token: spliced, reason: "unauthorized" },
				{
					name: "visitor token of another website",
					token: stranger.visitorToken,
					visitorId: stranger.visitor.id,
					reason: "unauthorized",
				},
				{
					name: "visitor token without a public key",
					token: alice.visitorToken,
					publicKey: null,
					reason: "missing_public_key",
				},
				{ name: "missing token", token: "", reason: "unauthorized" },
				{ name: "unknown session token", token: `st_${randomToken(32)}`, reason: "unauthorized" },
				{ name: "expired session token", token: expiredToken, reason: "session_expired" },
			];

			for (const testCase of cases) {
				const publicKey = testCase.publicKey === null ? undefined : fx.demoKey;
				const socket = fx.rawSocket({ publicKey });
				await socket.opened;
				socket.authenticate(
					DocumentNames.outbox(`visitor:${testCase.visitorId ?? alice.visitor.id}`),
					testCase.token,
				);
				const closed = await socket.waitForClose();
				expect({ case: testCase.name, ...closed }).toEqual({
					case: testCase.name,
					code: CloseCodes.Unauthorized,
					reason: testCase.reason,
				});
			}
		});

		it("tells the provider why its socket was closed", async () => {
			const alice = await bootstrapVisitor(fx.server, fx.demoKey);
			const client = new TestClient({
				wsUrl: fx.server.wsUrl,
				token: new VisitorTokenSigner(randomToken(48)).sign(alice.visitor.id, alice.website.id),
				principal: `visitor:${alice.visitor.id}`,
				publicKey: fx.demoKey,
			});
			fx.track(client);
			await eventually(() =>
				expect(client.closeEvents[0]).toEqual({
					code: CloseCodes.Unauthorized,
					reason: "unauthorized",
				}),
			);
			client.destroy();
		});
	});
});
