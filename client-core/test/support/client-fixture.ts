import { afterAll, beforeAll } from "vitest";
import type { SyncServer } from "../../../sync-server/src/server.ts";
import { localOriginClient } from "../../../sync-server/test/support/local-origin.ts";
import { TestClient } from "../../../sync-server/test/support/test-client.ts";
import type {
	TestDatabase,
	TestDatabaseTarget,
} from "../../../sync-server/test/support/test-database.ts";
import { loginAgent, startTestServer } from "../../../sync-server/test/support/test-server.ts";
import { CossistantClient, memoryKeyValueStore } from "../../src/index.ts";

/**
 * A real server on a fresh database of `target` for one test file, visitor clients on its demo
 * key (as a page on a local origin), and the demo admin as an agent; everything is stopped in
 * afterAll.
 */
export class ClientFixture {
	private started: { database: TestDatabase; server: SyncServer } | null = null;
	private readonly clients: CossistantClient[] = [];
	private readonly agents: TestClient[] = [];

	static use(target: TestDatabaseTarget): ClientFixture {
		const fixture = new ClientFixture();
		beforeAll(async () => {
			const database = await target.create();
			fixture.started = { database, server: await startTestServer(database.db) };
		});
		afterAll(async () => {
			for (const client of fixture.clients) client.destroy();
			for (const agent of fixture.agents) agent.destroy();
			await fixture.started?.server.stop();
			await fixture.started?.database.drop();
		});
		return fixture;
	}

	get server(): SyncServer {
		if (!this.started) throw new Error("The server starts in beforeAll.");
		return this.started.server;
	}

	/** A visitor's client over `storage` (a new visitor unless the storage holds one). */
	newClient(storage = memoryKeyValueStore()): CossistantClient {
		const client = new CossistantClient({
			apiUrl: this.server.apiUrl,
			publicKey: this.server.demo?.publicKey,
			...localOriginClient,
			storage,
		});
		return this.track(client);
	}

	get database(): TestDatabase {
		if (!this.started) throw new Error("The database is created in beforeAll.");
		return this.started.database;
	}

	/** Destroyed with the others in afterAll. */
	track(client: CossistantClient): CossistantClient {
		this.clients.push(client);
		return client;
	}

	/** The demo admin, logged in and connected. */
	async newAgent() {
		const session = await loginAgent(this.server);
		const agent = new TestClient({
			wsUrl: this.server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		this.agents.push(agent);
		return { agent, session };
	}
}
