// Acceptance fuzz: generated and mutated REST bodies against every mounted POST / PATCH route
// (valid and invalid credentials, random JSON, wrong types, huge strings, prototype-pollution
// keys, broken JSON) and WebSocket frames (random bytes, mutated Hocuspocus frames, valid
// frames for random documents, outbox updates with random commands, malformed awareness frames
// and outbox entries without a usable id), all from a seeded PRNG.
// No 5xx, no crash, no hang (every request answers within a timeout), no polluted prototype,
// and afterwards a normal visitor and agent still complete a message round trip.
//
// The seed is printed; `FUZZ_SEED=<seed>` replays a run, `FUZZ_ITERATIONS` sets the total of
// REST bodies + WebSocket frames (default 10 000). Case `i` depends only on (seed, i), so a
// failing case is reproducible whatever the concurrency did.

import { API_ERROR_CODES, DocumentNames, HEADERS } from "@cossistant/types";
import { pino } from "pino";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSession } from "../src/auth/sessions.ts";
import { loadConfig } from "../src/config.ts";
import { mountedRoutes } from "../src/http/openapi/mounted-routes.ts";
import { type SyncServer, startSyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { fuzzIterations, fuzzSeed, Random } from "./support/fuzz/random.ts";
import {
	type FuzzCredential,
	type FuzzIds,
	type RestCase,
	restCase,
} from "./support/fuzz/rest-cases.ts";
import { type WsFuzzContext, type WsSession, wsSession } from "./support/fuzz/ws-cases.ts";
import { RawSocket } from "./support/raw-socket.ts";
import { identify, SITE_ORIGIN } from "./support/support-fixtures.ts";
import {
	createTeamSite,
	ok,
	type TeamSite,
	teamApi,
	visitorWithConversation,
} from "./support/team-fixtures.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor } from "./support/test-server.ts";

/** Share of the iterations spent on REST bodies (the rest are WebSocket frames). */
const REST_SHARE = 0.35;
const REST_CONCURRENCY = 12;
const WS_CONCURRENCY = 12;
const MAX_FRAMES_PER_SOCKET = 25;
/** A request or a socket that takes longer than this counts as a hang. */
const ANSWER_TIMEOUT_MS = 10_000;
const WS_MAX_PAYLOAD = 65_536;
/** The default run takes ~20 s on a loaded 2-core machine; larger runs get time in proportion. */
const TEST_TIMEOUT_MS = 60_000 + fuzzIterations() * 10;
/** Codes a server may close a fuzzed socket with (never 1011 internal error). */
const ALLOWED_CLOSE_CODES = new Set([1000, 1005, 1006, 1009, 4400, 4401, 4403, 4413]);

/** Case `index` of a stream: its own generator, determined by the seed and the index only. */
function caseRandom(seed: number, stream: number, index: number): Random {
	return new Random(
		(seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0,
	);
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

describe.each(testDatabaseTargets())("fuzz on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let ids: FuzzIds;
	let credentials: FuzzCredential[];
	let wsContext: WsFuzzContext;
	const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
	const serverErrors: string[] = [];
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		const config = loadConfig({
			PORT: "0",
			SEED_DEMO: "true",
			// Limits would turn most cases into cheap 429s: lift them to reach the handlers.
			REST_RATE_LIMIT: "1000000",
			COMMAND_RATE_LIMIT: "1000000",
			WS_UPGRADE_RATE_LIMIT: "0",
			WS_CONNECTIONS_PER_IP: "0",
			COMMAND_IP_RATE_LIMIT: "0",
			COMMAND_WEBSITE_RATE_LIMIT: "0",
			VISITOR_CREATION_RATE_LIMIT: "0",
			WS_MAX_PAYLOAD: String(WS_MAX_PAYLOAD),
			// Each login attempt costs an scrypt hash until the address is locked: lock it early.
			LOGIN_MAX_FAILURES: "1",
		});
		// Error-level logs are kept: a failed request or command is a finding even when the client
		// got a tidy answer.
		const logger = pino(
			{ level: "error" },
			{ write: (line: string) => void serverErrors.push(line) },
		);
		server = await startSyncServer(config, { db: database.db, logger });
		site = await createTeamSite(server);
		const other = await createTeamSite(server, "Other");
		const { visitor, conversationId } = await visitorWithConversation(server, site, clients);
		const contactId = ok(await identify(server, visitor, { externalId: "fuzz-user" })).contact.id;
		const organizationId = ok(
			await teamApi(server, site.privateKey).post("/organizations", { name: "Fuzz Inc" }),
		).organization.id;
		ids = {
			conversationId,
			visitorId: visitor.visitorId,
			contactId,
			organizationId,
			websiteId: site.websiteId,
			userId: site.agent.user.id,
			aiAgentId: site.aiAgentId,
			apiKeyId: site.privateKeyId,
		};
		const revoked = await createTeamSite(server, "Revoked");
		await server.db.prisma.apiKey.update({
			where: { id: revoked.privateKeyId },
			data: { revokedAt: new Date() },
		});
		const agentSession = await openSession(server.db, site.agent.user.id, 3_600_000);
		const throwaway = await openSession(server.db, site.agent.user.id, 3_600_000);
		const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
		credentials = [
			{ name: "private key", headers: bearer(site.privateKey) },
			{
				name: "private key as AI agent",
				headers: { ...bearer(site.privateKey), "x-ai-agent-id": site.aiAgentId },
			},
			{ name: "admin session", headers: bearer(site.agent.token), precious: true },
			{ name: "second login", headers: bearer(agentSession.token), precious: true },
			{ name: "throwaway session", headers: bearer(throwaway.token) },
			{ name: "other website's key", headers: bearer(other.privateKey) },
			{ name: "other website's agent", headers: bearer(other.agent.token), precious: true },
			{ name: "revoked key", headers: bearer(revoked.privateKey) },
			{
				name: "visitor widget",
				headers: {
					[HEADERS.publicKey]: visitor.publicKey,
					[HEADERS.visitorToken]: visitor.token,
					origin: SITE_ORIGIN,
				},
			},
			{ name: "visitor token as bearer", headers: bearer(visitor.token) },
			{ name: "public key as bearer", headers: bearer(site.testKey) },
			{ name: "garbage bearer", headers: bearer("st_garbage") },
			{ name: "basic auth", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } },
			{ name: "none", headers: {} },
		];
		wsContext = {
			publicKeys: { valid: site.testKey, other: other.liveKey },
			origin: SITE_ORIGIN,
			tokens: { visitor: visitor.token, agent: agentSession.token },
			docs: {
				outbox: DocumentNames.outbox(`visitor:${visitor.visitorId}`),
				visitor: DocumentNames.visitor(visitor.visitorId),
				conversation: DocumentNames.conversation(conversationId),
				conversationPrivate: DocumentNames.conversationPrivate(conversationId),
				inbox: DocumentNames.inbox(site.websiteId),
				foreign: [
					DocumentNames.inbox(other.websiteId),
					DocumentNames.outbox(`user:${site.agent.user.id}`),
				],
			},
			conversationId,
		};
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	/** Sends one REST case; returns its status (0: no answer) and a failure description or null. */
	async function send(index: number, c: RestCase): Promise<[number, string | null]> {
		const headers: Record<string, string> = { ...c.headers };
		if (c.body.contentType) headers["content-type"] = c.body.contentType;
		const started = Date.now();
		let response: Response;
		try {
			response = await fetch(`${server.url}${c.path}`, {
				method: c.method,
				headers,
				body: c.body.text,
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
		} catch (error) {
			const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			return [
				0,
				`case ${index} ${c.route} as ${c.credential}: no answer after ${Date.now() - started} ms (${why})`,
			];
		}
		const text = await response.text();
		if (response.status >= 500) {
			return [
				response.status,
				`case ${index} ${c.route} as ${c.credential}: ${response.status} ${text.slice(0, 300)}`,
			];
		}
		if (response.status >= 400) {
			let code: unknown;
			try {
				code = JSON.parse(text).error.code;
			} catch {
				code = undefined;
			}
			if (!API_ERROR_CODES.includes(code as never)) {
				return [
					response.status,
					`case ${index} ${c.route}: ${response.status} without the error shape: ${text.slice(0, 200)}`,
				];
			}
		}
		return [response.status, null];
	}

	/** Runs one socket session; returns the frames it sent and how the server closed it. */
	async function runSession(session: WsSession) {
		const socket = new RawSocket(server.wsUrl, {
			publicKey: session.publicKey,
			origin: session.origin,
		});
		let sent = 0;
		try {
			await Promise.race([socket.opened, socket.closed]);
			for (const frame of session.frames) {
				if (socket.ws.readyState !== socket.ws.OPEN) break;
				socket.ws.send(frame, { binary: typeof frame !== "string" });
				sent += 1;
			}
			// Give the server a moment to answer or close; a closed socket answers at once.
			await Promise.race([socket.closed, new Promise((resolve) => setTimeout(resolve, 25))]);
			const serverClosed = socket.ws.readyState === socket.ws.CLOSED;
			return { sent, close: serverClosed ? await socket.closed : null };
		} catch {
			return { sent, close: await socket.closed };
		} finally {
			socket.close();
		}
	}

	async function healthy(): Promise<void> {
		const response = await fetch(`${server.url}/healthz`, {
			signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
		});
		expect(response.status).toBe(200);
	}

	it(
		"answers every fuzzed body and frame without a 5xx, a crash or a hang, then still serves",
		async () => {
			const seed = fuzzSeed();
			const total = fuzzIterations();
			const restCount = Math.ceil(total * REST_SHARE);
			const frameBudget = total - restCount;
			const routes = mountedRoutes(server.app).filter(
				(r) => r.method === "post" || r.method === "patch",
			);
			console.log(
				`fuzz on ${target.name}: FUZZ_SEED=${seed} FUZZ_ITERATIONS=${total} ` +
					`(${restCount} REST bodies on ${routes.length} POST/PATCH routes, ${frameBudget} WebSocket frames)`,
			);
			// Hocuspocus and y-protocols report what they could not handle on the console.
			const consoleErrors = vi.spyOn(console, "error");
			const consoleWarnings = vi.spyOn(console, "warn");
			const started = Date.now();
			const cpuBefore = process.cpuUsage();
			const failures: string[] = [];
			const statuses = new Map<number, number>();

			await pool(restCount, REST_CONCURRENCY, async (index) => {
				const c = restCase(caseRandom(seed, 1, index), routes, credentials, ids);
				const [status, failure] = await send(index, c);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (failure && failures.length < 50) failures.push(failure);
				if (index % 1_000 === 999) await healthy();
			});
			const restMs = Date.now() - started;

			let frames = 0;
			let session = 0;
			const closeCodes = new Map<number, number>();
			while (frames < frameBudget) {
				const batch = Array.from({ length: WS_CONCURRENCY }, () => session++);
				const results = await Promise.all(
					batch.map((index) =>
						runSession(
							wsSession(
								caseRandom(seed, 2, index),
								wsContext,
								Math.max(1, Math.min(MAX_FRAMES_PER_SOCKET, frameBudget - frames)),
							),
						),
					),
				);
				for (const { sent, close } of results) {
					frames += sent;
					if (close) closeCodes.set(close.code, (closeCodes.get(close.code) ?? 0) + 1);
				}
				if (session % (WS_CONCURRENCY * 20) === 0) await healthy();
			}
			const wsMs = Date.now() - started - restMs;
			const cpu = process.cpuUsage(cpuBefore);
			console.log(
				`fuzz on ${target.name}: ${restCount} REST bodies in ${restMs} ms, ${frames} frames on ` +
					`${session} sockets in ${wsMs} ms; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
					`close codes ${JSON.stringify(Object.fromEntries(closeCodes))}; ` +
					`CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (server and client share the process)`,
			);

			expect(failures, `FUZZ_SEED=${seed}`).toEqual([]);
			expect(serverErrors.slice(0, 5), `FUZZ_SEED=${seed}`).toEqual([]);
			expect(consoleErrors.mock.calls.slice(0, 5), `FUZZ_SEED=${seed}`).toEqual([]);
			expect(consoleWarnings.mock.calls.slice(0, 5), `FUZZ_SEED=${seed}`).toEqual([]);
			consoleErrors.mockRestore();
			consoleWarnings.mockRestore();
			expect(
				[...closeCodes.keys()].filter((code) => !ALLOWED_CLOSE_CODES.has(code)),
				`FUZZ_SEED=${seed}`,
			).toEqual([]);
			expect(frames).toBeGreaterThanOrEqual(frameBudget);
			expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();

			// A normal visitor and agent still complete a round trip (and the pipeline drained).
			await healthy();
			const boot = await bootstrapVisitor(server, site.testKey);
			const visitor = new TestClient({
				wsUrl: server.wsUrl,
				token: boot.visitorToken,
				principal: `visitor:${boot.visitor.id}`,
				publicKey: site.testKey,
			});
			const session2 = await openSession(server.db, site.agent.user.id, 3_600_000);
			const agent = new TestClient({
				wsUrl: server.wsUrl,
				token: session2.token,
				principal: `user:${site.agent.user.id}`,
			});
			clients.push(visitor, agent);
			const conversationId = uuidv7();
			const question = uuidv7();
			const start = uuidv7();
			visitor.send({
				id: start,
				type: "conversation.start",
				conversationId,
				initialMessage: { itemId: question, parts: [{ type: "text", text: "Still there?" }] },
			});
			expect(await visitor.result(start)).toMatchObject({ status: "applied" });
			const convDoc = DocumentNames.conversation(conversationId);
			await agent.openSynced(convDoc);
			await visitor.openSynced(convDoc);
			await eventually(() => expect(agent.timeline(convDoc).map((i) => i.id)).toContain(question));
			const answer = uuidv7();
			agent.send({
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: answer,
				parts: [{ type: "text", text: "Yes!" }],
			});
			await eventually(() => expect(visitor.timeline(convDoc).map((i) => i.id)).toContain(answer));
		},
		TEST_TIMEOUT_MS,
	);
});
