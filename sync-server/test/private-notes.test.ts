// Acceptance: internal notes never reach a visitor, not even as bytes. Agents add notes through
// their outbox (`note.add`) and through REST (session, private key, AI agent); the visitor's
// widget records every raw WebSocket frame it receives (live, after a reconnect, and after a
// server restart that reloads the documents from the database) and every REST answer a visitor
// can get. No note text appears in any of them, while the public messages written around the
// notes do (so the check would see a leak).

import { DocumentNames, HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { RecordingWidget } from "./support/recording-widget.ts";
import { rest } from "./support/rest.ts";
import { createVisitor, SITE_ORIGIN, type TestVisitor } from "./support/support-fixtures.ts";
import { createTeamSite, ok, type TeamSite, teamApi } from "./support/team-fixtures.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("private notes never leak on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let visitor: TestVisitor;
	const widgets: RecordingWidget[] = [];
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTeamSite(server);
		visitor = await createVisitor(server, site);
	});
	afterAll(async () => {
		for (const widget of widgets) widget.destroy();
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	const marker = (kind: string) => `${kind}-${uuidv7()}`;

	/** A widget of the visitor recording its frames, with its usual documents open. */
	async function widget(conversationId?: string): Promise<RecordingWidget> {
		const recording = new RecordingWidget(server.wsUrl, visitor.token, {
			publicKey: visitor.publicKey,
			origin: SITE_ORIGIN,
		});
		widgets.push(recording);
		await recording.open(DocumentNames.outbox(`visitor:${visitor.visitorId}`));
		await recording.open(DocumentNames.visitor(visitor.visitorId));
		if (conversationId) {
			await recording.open(DocumentNames.conversation(conversationId));
			// Asking for the agents-only document is refused (and sends nothing of it).
			await recording.open(DocumentNames.conversationPrivate(conversationId), true);
		}
		return recording;
	}

	/** Every REST answer a visitor can obtain with its own credentials. */
	async function visitorRestAnswers(conversationId: string): Promise<string> {
		const headers = {
			[HEADERS.publicKey]: visitor.publicKey,
			[HEADERS.visitorToken]: visitor.token,
			origin: SITE_ORIGIN,
		};
		const answers = [
			await rest(server, "GET", "/websites", { headers }),
			await rest(server, "GET", "/support/state", { headers }),
			await rest(server, "POST", "/contacts/identify", {
				headers,
				body: { externalId: `user-${visitor.visitorId}`, name: "Vera" },
			}),
			// The team's routes refuse it; their error bodies are answers too.
			await rest(server, "GET", `/conversations/${conversationId}`, { headers }),
			await rest(server, "GET", `/conversations/${conversationId}`, { token: visitor.token }),
			await rest(server, "GET", "/conversations", { headers, token: visitor.token }),
		];
		expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
		expect(answers.slice(3).map((a) => a.status)).toEqual([401, 401, 401]);
		return answers.map((a) => a.text).join("\n");
	}

	it("keeps every note out of the visitor's frames and REST answers", async () => {
		const live = await widget();
		const outbox = DocumentNames.outbox(`visitor:${visitor.visitorId}`);
		const conversationId = uuidv7();
		const opening = marker("PUBLIC-OPENING");
		expect(
			await live.send(outbox, {
				id: uuidv7(),
				type: "conversation.start",
				conversationId,
				initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: opening }] },
			}),
		).toMatchObject({ status: "applied" });
		await live.open(DocumentNames.conversation(conversationId));
		await live.open(DocumentNames.conversationPrivate(conversationId), true);
		expect(live.authFailures).toEqual([
			{ document: DocumentNames.conversationPrivate(conversationId), reason: "forbidden" },
		]);

		// The agent, through its own outbox, with the private document open.
		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: site.agent.token,
			principal: `user:${site.agent.user.id}`,
		});
		clients.push(agent);
		const privateDoc = DocumentNames.conversationPrivate(conversationId);
		await agent.openSynced(privateDoc);
		const notes = [
			marker("NOTE-OUTBOX"),
			marker("NOTE-SESSION"),
			marker("NOTE-BACKEND"),
			marker("NOTE-AI"),
		];
		const noteCommand = uuidv7();
		agent.send({
			id: noteCommand,
			type: "note.add",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: notes[0] }],
		});
		expect(await agent.result(noteCommand)).toMatchObject({ status: "applied" });
		const path = `/conversations/${conversationId}/messages`;
		ok(
			await teamApi(server, site.agent.token).post(path, { text: notes[1], visibility: "private" }),
		);
		ok(
			await teamApi(server, site.privateKey).post(path, { text: notes[2], visibility: "private" }),
		);
		ok(
			await teamApi(server, site.privateKey, { "x-ai-agent-id": site.aiAgentId }).post(path, {
				parts: [{ type: "text", text: notes[3] }],
				visibility: "private",
			}),
		);
		// Public traffic around the notes: a reply, an event, a summary rewrite.
		const reply = marker("PUBLIC-REPLY");
		ok(await teamApi(server, site.agent.token).post(path, { text: reply }));
		ok(
			await teamApi(server, site.agent.token).patch(`/conversations/${conversationId}`, {
				priority: "high",
				tags: { add: ["vip"] },
			}),
		);
		await eventually(() => expect(live.bytes().includes(reply)).toBe(true));
		// Positive control: the agents' replica has every note.
		await eventually(() =>
			expect(
				agent.timeline(privateDoc).map((item) => (item.parts[0] as { text: string }).text),
			).toEqual(notes),
		);

		const assertClean = (bytes: Buffer | string, where: string) => {
			for (const note of notes) expect(bytes.includes(note), `${where}: ${note}`).toBe(false);
			// Not even a note's prefix with its id (a truncated copy would still be a leak).
			expect(bytes.includes("NOTE-"), where).toBe(false);
		};
		expect(live.bytes().includes(opening)).toBe(true);
		assertClean(live.bytes(), "live frames");
		assertClean(await visitorRestAnswers(conversationId), "REST answers");

		// A second device of the visitor syncing everything from scratch.
		const fresh = await widget(conversationId);
		expect(fresh.bytes().includes(reply)).toBe(true);
		assertClean(fresh.bytes(), "fresh sync");

		// After a restart the documents come from the database (snapshot + update log).
		for (const w of widgets.splice(0)) w.destroy();
		for (const c of clients.splice(0)) c.destroy();
		await server.stop();
		server = await startTestServer(database.db);
		const reloaded = await widget(conversationId);
		expect(reloaded.bytes().includes(opening)).toBe(true);
		assertClean(reloaded.bytes(), "after restart");
		assertClean(await visitorRestAnswers(conversationId), "REST answers after restart");
	});
});
