import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoginResponse, PrincipalKey } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import {
	type DemoFile,
	freePort,
	ServerProcess,
} from "../../sync-server/test/support/server-process.ts";
import { bootstrapVisitor } from "../../sync-server/test/support/test-server.ts";
import type { ChaosDatabase } from "./chaos-database.ts";

/** Who a chaos client is: what it connects with and which outbox it writes. */
export interface Participant {
	kind: "visitor" | "agent";
	/** Short name in failure messages (`visitor-2`, `agent-1`). */
	label: string;
	principal: PrincipalKey;
	token: string;
	/** Visitors connect with the website's public key. */
	publicKey?: string;
}

export interface ChaosServerOptions {
	database: ChaosDatabase;
	/** Overrides the server's `DATABASE_URL` (e.g. a proxy in front of `database`). */
	databaseUrl?: string;
	env?: Record<string, string>;
}

/**
 * The real sync-server in a child process (`ServerProcess`) on a fixed port, so it can be
 * SIGKILLed and restarted where clients reconnect, plus the REST calls the chaos tests need
 * to set up visitors and agents. Limits that would pace the load (rate limits) are lifted;
 * compaction runs often so crashes also hit it.
 */
export class ChaosServer {
	private constructor(
		readonly process: ServerProcess,
		readonly dataDir: string,
		private readonly database: ChaosDatabase,
	) {}

	static async start(options: ChaosServerOptions): Promise<ChaosServer> {
		const dataDir = mkdtempSync(join(tmpdir(), "cossistant-chaos-"));
		const child = new ServerProcess(await freePort(), {
			...options.database.env,
			...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
			DATA_DIR: dataDir,
			AUTH_SECRET: "chaos-auth-secret-0123456789abcdef0123456789",
			COMMAND_RATE_LIMIT: "1000000",
			REST_RATE_LIMIT: "1000000",
			WS_UPGRADE_RATE_LIMIT: "0",
			// Every simulated client runs on 127.0.0.1, on one website: shared budgets and caps off.
			WS_CONNECTIONS_PER_IP: "0",
			WS_CONNECTIONS_PER_VISITOR: "0",
			WS_CONNECTIONS_PER_SESSION: "0",
			COMMAND_IP_RATE_LIMIT: "0",
			COMMAND_WEBSITE_RATE_LIMIT: "0",
			VISITOR_CREATION_RATE_LIMIT: "0",
			UPLOAD_VISITOR_DAILY_BYTES: "0",
			UPLOAD_WEBSITE_DAILY_BYTES: "0",
			COMPACTION_THRESHOLD: "40",
			...options.env,
		});
		const server = new ChaosServer(child, dataDir, options.database);
		try {
			await child.start();
		} catch (error) {
			await server.dispose();
			throw error;
		}
		return server;
	}

	get port(): number {
		return this.process.port;
	}

	get url(): string {
		return this.process.url;
	}

	get wsUrl(): string {
		return `ws://127.0.0.1:${this.port}/ws`;
	}

	demo(): DemoFile {
		return this.process.demo();
	}

	/** SIGKILL: no chance to flush, drain or close anything. */
	kill(): Promise<void> {
		return this.process.kill();
	}

	/** Starts the process again on the same port (after kill or terminate). */
	restart(): Promise<void> {
		return this.process.start();
	}

	/** Graceful stop (SIGTERM); resolves with the exit code. */
	terminate(): Promise<number | null> {
		return this.process.terminate();
	}

	/** Kills the process if it still runs and removes its data directory. */
	async dispose(): Promise<void> {
		await this.process.kill();
		rmSync(this.dataDir, { recursive: true, force: true });
	}

	/** Opens the database to inspect it (PGlite: only while the process is stopped). */
	openDatabase() {
		return this.database.open(this.dataDir);
	}

	/** Server log lines (stdout and stderr of every incarnation). */
	log(): string {
		return this.process.output.join("");
	}

	/** A new visitor of the demo website, as the widget bootstraps one. */
	async visitor(label: string): Promise<Participant> {
		const { publicKey } = this.demo();
		const boot = await bootstrapVisitor({ apiUrl: `${this.url}/v1` }, publicKey);
		return {
			kind: "visitor",
			label,
			principal: `visitor:${boot.visitor.id}`,
			token: boot.visitorToken,
			publicKey,
		};
	}

	/** The demo website's id (from a visitor bootstrap). */
	async websiteId(): Promise<string> {
		const boot = await bootstrapVisitor({ apiUrl: `${this.url}/v1` }, this.demo().publicKey);
		return boot.website.id;
	}

	/** The demo admin, logged in. */
	async admin(label = "agent-0"): Promise<Participant> {
		const demo = this.demo();
		return this.login(label, demo.agentEmail, demo.agentPassword);
	}

	/** A new agent of the demo website (created by the admin through REST), logged in. */
	async agent(label: string, admin: Participant, websiteId: string): Promise<Participant> {
		const email = `${uuidv7()}@chaos.example`;
		const password = `chaos-${uuidv7()}`;
		const response = await fetch(`${this.url}/v1/websites/${websiteId}/agents`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
			body: JSON.stringify({ email, name: label, role: "agent", password }),
		});
		if (!response.ok) {
			throw new Error(`creating ${label}: ${response.status} ${await response.text()}`);
		}
		return this.login(label, email, password);
	}

	private async login(label: string, email: string, password: string): Promise<Participant> {
		const response = await fetch(`${this.url}/v1/auth/login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email, password }),
		});
		if (!response.ok)
			throw new Error(`login ${label}: ${response.status} ${await response.text()}`);
		const session = (await response.json()) as LoginResponse;
		return { kind: "agent", label, principal: `user:${session.user.id}`, token: session.token };
	}
}
