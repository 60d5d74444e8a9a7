import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, expect } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { RawSocket } from "./raw-socket.ts";
import { TestClient } from "./test-client.ts";
import type { TestDatabase, TestDatabaseTarget } from "./test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./test-server.ts";

/** A visitor connected over a real WebSocket, with what its bootstrap returned. */
export interface ConnectedVisitor {
	client: TestClient;
	visitorId: string;
	token: string;
	websiteId: string;
}

/**
 * A real server on a fresh database of `target` for one test file (started in beforeAll, stopped
 * with every socket it handed out in afterAll), and the clients tests connect to it.
 */
export class ServerFixture {
	private started: { database: TestDatabase; server: SyncServer } | null = null;
	private readonly clients: TestClient[] = [];
	private readonly sockets: RawSocket[] = [];

	/** Registers the file's beforeAll / afterAll. `env` adds server configuration. */
	static use(target: TestDatabaseTarget, env: Record<string, string> = {}): ServerFixture {
		const fixture = new ServerFixture();
		beforeAll(async () => {
			const database = await target.create();
			fixture.started = { database, server: await startTestServer(database.db, env) };
		});
		afterAll(async () => {
			for (const client of fixture.clients) client.destroy();
			for (const socket of fixture.sockets) socket.close();
			await fixture.started?.server.stop();
			await fixture.started?.database.drop();
		});
		return fixture;
	}

	get server(): SyncServer {
		if (!this.started) throw new Error("The server starts in beforeAll.");
		return this.started.server;
	}

	get database(): TestDatabase {
		if (!this.started) throw new Error("The database is created in beforeAll.");
		return this.started.database;
	}

	/** The demo website's public test key. */
	get demoKey(): string {
		return this.server.demo?.publicKey ?? "";
	}

	/** A new visitor, bootstrapped as the widget does, connected with `publicKey` from `origin`. */
	async visitorClient(
		options: { publicKey?: string; origin?: string; on?: SyncServer } = {},
	): Promise<ConnectedVisitor> {
		const on = options.on ?? this.server;
		const publicKey = options.publicKey ?? this.demoKey;
		const boot = await bootstrapVisitor(on, publicKey, { origin: options.origin });
		const client = this.track(
			new TestClient({
				wsUrl: on.wsUrl,
				token: boot.visitorToken,
				principal: `visitor:${boot.visitor.id}`,
				publicKey,
				origin: options.origin,
			}),
		);
		return {
			client,
			visitorId: boot.visitor.id,
			token: boot.visitorToken,
			websiteId: boot.website.id,
		};
	}

	/** The demo admin, logged in and connected. */
	async agentClient(on: SyncServer = this.server) {
		const session = await loginAgent(on, this.server.demo?.agentPassword ?? undefined);
		const client = this.track(
			new TestClient({
				wsUrl: on.wsUrl,
				token: session.token,
				principal: `user:${session.user.id}`,
			}),
		);
		return { client, session };
	}

	/** A WebSocket that speaks the protocol frame by frame (for hostile input). */
	rawSocket(options: { publicKey?: string; origin?: string; on?: SyncServer } = {}): RawSocket {
		const socket = new RawSocket((options.on ?? this.server).wsUrl, options);
		this.sockets.push(socket);
		return socket;
	}

	/** How many clients were handed out so far (see `destroyClientsFrom`). */
	clientCount(): number {
		return this.clients.length;
	}

	/** Closes the clients handed out since `count`, e.g. before stopping a second server. */
	destroyClientsFrom(count: number): void {
		for (const client of this.clients.splice(count)) client.destroy();
	}

	/** Closes with the others in afterAll. */
	track(client: TestClient): TestClient {
		this.clients.push(client);
		return client;
	}
}

/** Starts a conversation with a first message through `client`'s outbox and waits until it is applied. */
export async function startConversation(client: TestClient, text: string) {
	const conversationId = uuidv7();
	const itemId = uuidv7();
	const commandId = uuidv7();
	client.send({
		id: commandId,
		type: "conversation.start",
		conversationId,
		initialMessage: { itemId, parts: [{ type: "text", text }] },
	});
	expect(await client.result(commandId)).toMatchObject({ status: "applied" });
	return { conversationId, itemId, commandId };
}
