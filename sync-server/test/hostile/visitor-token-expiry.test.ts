// Someone holding a visitor token that leaked long ago (a shared screenshot, a copied
// localStorage, an old log line). A token is accepted for VISITOR_TOKEN_TTL_DAYS after it was
// issued; after that it is refused on REST and at the WebSocket (`visitor_token_expired`), and
// an open socket does not outlive it. For VISITOR_TOKEN_GRACE_DAYS more it can only be traded at
// the bootstrap for a fresh token of the same visitor (the widget renewing after a long absence);
// past that it is worthless and the bootstrap starts a stranger.
// Old tokens are crafted with the server's secret and an old `iat`: exactly what the server
// itself issued back then.

import { CloseCodes, DocumentNames, HEADERS } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VisitorTokenSigner } from "../../src/auth/visitor-token.ts";
import type { SyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import { RawSocket } from "../support/raw-socket.ts";
import { rest } from "../support/rest.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "../support/test-server.ts";

const SECRET = "visitor-token-expiry-secret-0123456789abcdef";
const DAY_MS = 86_400_000;
const TTL_DAYS = 30;
const GRACE_DAYS = 30;
const TTL_MS = TTL_DAYS * DAY_MS;
/** The widget's page (the demo key is a test key: loopback pages may use it). */
const ORIGIN = "http://localhost:5173";

describe.each(testDatabaseTargets())("visitor token expiry on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let publicKey: string;
	const signer = new VisitorTokenSigner(SECRET);
	const clients: TestClient[] = [];
	const sockets: RawSocket[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(
			database.db,
			{
				AUTH_SECRET: SECRET,
				VISITOR_TOKEN_TTL_DAYS: String(TTL_DAYS),
				VISITOR_TOKEN_GRACE_DAYS: String(GRACE_DAYS),
			},
			{ socketSweepIntervalMs: 200 },
		);
		publicKey = server.demo?.publicKey ?? "";
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		for (const socket of sockets) socket.close();
		await server.stop();
		await database.drop();
	});

	/** A real visitor, and a token for it issued `ageMs` ago. */
	async function visitorWithTokenAged(ageMs: number) {
		const bootstrap = await bootstrapVisitor(server, publicKey, { origin: ORIGIN });
		const token = signer.sign(bootstrap.visitor.id, bootstrap.website.id, Date.now() - ageMs);
		return { visitorId: bootstrap.visitor.id, websiteId: bootstrap.website.id, token };
	}

	const supportState = (token: string) =>
		rest(server, "GET", "/support/state", {
			headers: { [HEADERS.publicKey]: publicKey, [HEADERS.visitorToken]: token, origin: ORIGIN },
		});

	async function socketClose(visitorId: string, token: string) {
		const socket = new RawSocket(server.wsUrl, { publicKey, origin: ORIGIN });
		sockets.push(socket);
		await socket.opened;
		socket.authenticate(DocumentNames.outbox(`visitor:${visitorId}`), token);
		return socket.waitForClose();
	}

	it("refuses a token past its lifetime on REST and at the WebSocket", async () => {
		const fresh = await visitorWithTokenAged(0);
		expect((await supportState(fresh.token)).status).toBe(200);

		for (const ageMs of [TTL_MS + 60_000, TTL_MS + GRACE_DAYS * DAY_MS + 60_000, 400 * DAY_MS]) {
			const old = await visitorWithTokenAged(ageMs);
			const response = await supportState(old.token);
			expect({ ageMs, status: response.status, code: response.body?.error?.code }).toEqual({
				ageMs,
				status: 401,
				code: "visitor_token_expired",
			});
			expect({ ageMs, ...(await socketClose(old.visitorId, old.token)) }).toEqual({
				ageMs,
				code: CloseCodes.Unauthorized,
				reason: "visitor_token_expired",
			});
		}
	});

	it("renews an expired token at the bootstrap for the same visitor, within the grace period only", async () => {
		const expired = await visitorWithTokenAged(TTL_MS + 60_000);
		const renewed = await bootstrapVisitor(server, publicKey, {
			origin: ORIGIN,
			visitorToken: expired.token,
		});
		expect(renewed.visitor.id).toBe(expired.visitorId);
		expect(renewed.visitorToken).not.toBe(expired.token);
		expect(signer.check(renewed.visitorToken).status).toBe("valid");
		expect((await supportState(renewed.visitorToken)).status).toBe(200);
		// Renewal does not revive the old token anywhere else.
		expect((await supportState(expired.token)).body.error.code).toBe("visitor_token_expired");

		const dead = await visitorWithTokenAged(TTL_MS + GRACE_DAYS * DAY_MS + 60_000);
		const stranger = await bootstrapVisitor(server, publicKey, {
			origin: ORIGIN,
			visitorToken: dead.token,
		});
		expect(stranger.visitor.id).not.toBe(dead.visitorId);
		expect((await supportState(dead.token)).body.error.code).toBe("visitor_token_expired");
	});

	it("hands a young token back as it is and renews an ageing one before it expires", async () => {
		const young = await visitorWithTokenAged(60_000);
		const again = await bootstrapVisitor(server, publicKey, {
			origin: ORIGIN,
			visitorToken: young.token,
		});
		expect(again.visitor.id).toBe(young.visitorId);
		expect(again.visitorToken).toBe(young.token);

		const ageing = await visitorWithTokenAged(TTL_MS / 4 + 60_000);
		const renewed = await bootstrapVisitor(server, publicKey, {
			origin: ORIGIN,
			visitorToken: ageing.token,
		});
		expect(renewed.visitor.id).toBe(ageing.visitorId);
		expect(renewed.visitorToken).not.toBe(ageing.token);
		const claims = signer.verify(renewed.visitorToken);
		expect(Date.now() - (claims?.issuedAt ?? 0)).toBeLessThan(60_000);
	});

	it("keeps a blocked visitor blocked through a renewal", async () => {
		const expired = await visitorWithTokenAged(TTL_MS + 60_000);
		await database.db.prisma.visitor.update({
			where: { id: expired.visitorId },
			data: { isBlocked: true, blockedAt: new Date() },
		});
		const renewed = await bootstrapVisitor(server, publicKey, {
			origin: ORIGIN,
			visitorToken: expired.token,
		});
		expect(renewed.visitor).toMatchObject({ id: expired.visitorId, isBlocked: true });
	});

	it("closes an open socket once its token expires", async () => {
		const { visitorId, token } = await visitorWithTokenAged(TTL_MS - 1_500);
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token,
			principal: `visitor:${visitorId}`,
			publicKey,
			origin: ORIGIN,
		});
		clients.push(client);
		await client.openSynced(DocumentNames.visitor(visitorId));
		await eventually(
			() =>
				expect(client.closeEvents).toContainEqual({
					code: CloseCodes.Unauthorized,
					reason: "visitor_token_expired",
				}),
			{ timeoutMs: 5_000 },
		);
	});
});
