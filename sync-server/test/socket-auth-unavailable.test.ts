import { CloseCodes } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

// One database is enough: the database is made unreachable by closing it under the server.
const [pglite] = testDatabaseTargets();

// Found by the chaos suite (chaos/postgres-outage.chaos.ts): while PostgreSQL was unreachable,
// a socket whose token or key could not be checked was closed with 4401 `unauthorized`, which
// the dashboard answers by logging the agent out and the widget by replacing its visitor.
// A check that could not run is not a verdict on the credentials: 1013 "try again later".
describe("socket authentication while the database is unreachable", () => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await (pglite as NonNullable<typeof pglite>).create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop().catch(() => {});
	});

	it("closes with 1013 unavailable, never 4401, for agents and visitors", async () => {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const session = await loginAgent(server);
		await database.db.close();

		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		const visitor = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: server.demo?.publicKey,
		});
		clients.push(agent, visitor);
		for (const client of [agent, visitor]) {
			await eventually(() =>
				expect(client.closeEvents).toContainEqual({
					code: CloseCodes.TryAgainLater,
					reason: "unavailable",
				}),
			);
			expect(client.closeEvents.map((event) => event.code)).not.toContain(CloseCodes.Unauthorized);
		}
	});
});
