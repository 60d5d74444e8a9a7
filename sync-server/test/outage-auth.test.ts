import { CloseCodes, DocumentNames } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/persistence/database.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { PgProxy } from "./support/pg-proxy.ts";
import { createAgent, rest } from "./support/rest.ts";
import { TestClient } from "./support/test-client.ts";
import { createPostgresDatabase, type TestDatabase } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

const adminUrl = process.env.DATABASE_URL;

// While PostgreSQL is unreachable, credentials and document access this process checked in the
// last minutes stand in for it (OUTAGE_AUTH_*): an agent's second tab, a reconnecting widget,
// still get the documents the server holds in memory. Nothing refused, ended or never checked
// gets in. PostgreSQL only: the outage is a TCP proxy between the server and the database,
// either refusing connections ("down") or holding every packet ("partitioned", queries hang).
describe.runIf(adminUrl)("socket authorization during a database outage", () => {
	let database: TestDatabase;
	let proxy: PgProxy;
	let proxiedDb: Database;
	let server: SyncServer;
	const clients: TestClient[] = [];
	const client = (options: ConstructorParameters<typeof TestClient>[0]) => {
		const created = new TestClient(options);
		clients.push(created);
		return created;
	};

	beforeAll(async () => {
		database = await createPostgresDatabase(adminUrl as string);
		const url = database.env.DATABASE_URL as string;
		proxy = await PgProxy.forUrl(url);
		proxiedDb = await openDatabase({ kind: "postgres", url: proxy.urlFor(url), poolSize: 5 });
		server = await startTestServer(proxiedDb, { OUTAGE_AUTH_PATIENCE_MS: "300" });
	});
	afterAll(async () => {
		for (const each of clients) each.destroy();
		proxy?.restore();
		await server?.stop().catch(() => {});
		await proxy?.close();
		await database?.drop();
	});

	it("lets known agents and visitors reopen held documents, and nobody else", async () => {
		const publicKey = server.demo?.publicKey ?? "";
		const boot = await bootstrapVisitor(server, publicKey);
		const stranger = await bootstrapVisitor(server, publicKey);
		const session = await loginAgent(server);
		const ended = await loginAgent(server);
		const agentPrincipal = `user:${session.user.id}` as const;
		const visitorPrincipal = `visitor:${boot.visitor.id}` as const;
		const inbox = DocumentNames.inbox(boot.website.id);
		const visitorDoc = DocumentNames.visitor(boot.visitor.id);

		// Checked while the database is up: the agent's session, both documents, the visitor's
		// token and key. These first clients stay connected, so the server keeps the documents.
		const agent = client({ wsUrl: server.wsUrl, token: session.token, principal: agentPrincipal });
		await agent.openSynced(inbox);
		await agent.openSynced(visitorDoc);
		const visitor = client({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: visitorPrincipal,
			publicKey,
		});
		await visitor.openSynced(visitorDoc);
		// A session that was used here and then ended must not come back during the outage.
		const endedAgent = client({
			wsUrl: server.wsUrl,
			token: ended.token,
			principal: agentPrincipal,
		});
		await endedAgent.openSynced(inbox);
		// Gone before the logout, so no reconnect asks the database about the ended session: only
		// the logout itself can make this process forget it.
		endedAgent.destroy();
		const logout = await fetch(`${server.apiUrl}/auth/logout`, {
			method: "POST",
			headers: { authorization: `Bearer ${ended.token}` },
		});
		expect(logout.ok).toBe(true);
		// An agent removed from the website after opening its documents must not get them back.
		const removed = await createAgent(server, session.token, boot.website.id);
		const removedPrincipal = `user:${removed.user.id}` as const;
		const removedAgent = client({
			wsUrl: server.wsUrl,
			token: removed.token,
			principal: removedPrincipal,
		});
		await removedAgent.openSynced(inbox);
		await removedAgent.openSynced(visitorDoc);
		removedAgent.destroy();
		const removal = await rest(
			server,
			"DELETE",
			`/websites/${boot.website.id}/agents/${removed.user.id}`,
			{ token: session.token },
		);
		expect(removal.status).toBe(204);
		// Public keys also sit in the 5 s website cache; wait it out so the key is checked again.
		await new Promise((resolve) => setTimeout(resolve, 5_500));

		for (const mode of ["sever", "blackhole"] as const) {
			if (mode === "sever") proxy.sever();
			else proxy.blackhole();

			const secondTab = client({
				wsUrl: server.wsUrl,
				token: session.token,
				principal: agentPrincipal,
			});
			const reconnectedVisitor = client({
				wsUrl: server.wsUrl,
				token: boot.visitorToken,
				principal: visitorPrincipal,
				publicKey,
			});
			await secondTab.openSynced(inbox, 10_000);
			await secondTab.openSynced(visitorDoc, 10_000);
			await reconnectedVisitor.openSynced(visitorDoc, 10_000);

			// Never checked here: a visitor the server has not seen, a document the agent never
			// opened, a session that ended. Not let in; told "try again later" (1013) where the
			// database refuses connections (a hanging query leaves them waiting), never "unauthorized".
			const unknownVisitor = client({
				wsUrl: server.wsUrl,
				token: stranger.visitorToken,
				principal: `visitor:${stranger.visitor.id}`,
				publicKey,
			});
			const unopenedDoc = client({
				wsUrl: server.wsUrl,
				token: session.token,
				principal: agentPrincipal,
			});
			const endedSession = client({
				wsUrl: server.wsUrl,
				token: ended.token,
				principal: agentPrincipal,
			});
			const removedSession = client({
				wsUrl: server.wsUrl,
				token: removed.token,
				principal: removedPrincipal,
			});
			const refusals = [
				{ who: removedSession, doc: visitorDoc },
				{ who: unknownVisitor, doc: DocumentNames.visitor(stranger.visitor.id) },
				{ who: unopenedDoc, doc: DocumentNames.visitor(stranger.visitor.id) },
				{ who: endedSession, doc: inbox },
			];
			for (const { who, doc } of refusals) who.open(doc);
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			for (const { who, doc } of refusals) {
				if (mode === "sever") {
					expect(who.closeEvents, `${mode}: ${doc}`).toContainEqual({
						code: CloseCodes.TryAgainLater,
						reason: "unavailable",
					});
				}
				expect(who.open(doc).isSynced, `${mode}: ${doc} let in`).toBe(false);
				expect(who.closeEvents.map((event) => event.code)).not.toContain(CloseCodes.Unauthorized);
				who.destroy();
			}
			secondTab.destroy();
			reconnectedVisitor.destroy();
			proxy.restore();
		}

		// Back online, the database decides again: the ended session is told it is logged out.
		const afterwards = client({
			wsUrl: server.wsUrl,
			token: ended.token,
			principal: agentPrincipal,
		});
		afterwards.open(inbox);
		await eventually(() =>
			expect(afterwards.closeEvents.map((event) => event.code)).toContain(CloseCodes.Unauthorized),
		);
	});
});
