// client.uploadFile against a real sync-server and database (Node: the fetch transport): the
// uploaded image becomes a part that sendMessage delivers to an agent's replica (its url is the
// upload's server path, the only form the server accepts from visitors), the conversation view
// shows it resolved against the API URL, which serves the same bytes, and a refused file surfaces as a CossistantApiError with the server's code.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentNames, type TimelineItem } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import { TestClient } from "../../sync-server/test/support/test-client.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { loginAgent, startTestServer } from "../../sync-server/test/support/test-server.ts";
import {
	CossistantApiError,
	CossistantClient,
	memoryKeyValueStore,
	serverUrl,
	type UploadProgress,
} from "../src/index.ts";

/** A 1×1 PNG. */
const PNG = Buffer.from(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
	"base64",
);

describe.each(testDatabaseTargets())("client uploads on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let uploadDir: string;
	const clients: CossistantClient[] = [];
	const agents: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		uploadDir = await mkdtemp(join(tmpdir(), "cossistant-client-uploads-"));
		server = await startTestServer(database.db, { UPLOAD_DIR: uploadDir });
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		for (const agent of agents) agent.destroy();
		await server.stop();
		await database.drop();
		await rm(uploadDir, { recursive: true, force: true });
	});

	async function visitorWithConversation() {
		const client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage: memoryKeyValueStore(),
		});
		clients.push(client);
		await client.fetchWebsite();
		const conversationId = await client.startConversation({ initialMessage: "Hi" });
		// An upload may name only a conversation the server already has.
		await eventually(() => expect(client.conversations.get(conversationId)?.pending).toBe(false));
		return { client, conversationId };
	}

	it("uploads an image and sends it in a message that reaches an agent", async () => {
		const { client, conversationId } = await visitorWithConversation();
		const progress: UploadProgress[] = [];
		const part = await client.uploadFile(
			new File([PNG], "screen shot.png", { type: "image/png" }),
			{
				conversationId,
				onProgress: (p) => progress.push(p),
			},
		);
		expect(part).toEqual({
			type: "image",
			url: expect.stringMatching(/^\/v1\/uploads\/[A-Za-z0-9_-]{22}$/),
			mediaType: "image/png",
			name: "screen shot.png",
			size: PNG.length,
			width: 1,
			height: 1,
			uploadId: expect.any(String),
		});
		expect(part.url).toBe(`/v1/uploads/${part.uploadId}`);
		expect(progress.at(0)).toEqual({ loaded: 0, total: PNG.length });
		expect(progress.at(-1)).toEqual({ loaded: PNG.length, total: PNG.length });

		const absolute = serverUrl(part.url, server.apiUrl);
		expect(absolute).toBe(`${server.url}${part.url}`);
		const served = await fetch(absolute);
		expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

		const session = await loginAgent(server);
		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		agents.push(agent);
		const convDoc = DocumentNames.conversation(conversationId);
		await agent.openSynced(convDoc);

		const itemId = await client.sendMessage(conversationId, [
			{ type: "text", text: "Here is my screen" },
			part,
		]);
		const item = await eventually(() => {
			const found = agent.timeline(convDoc).find((i) => i.id === itemId);
			expect(found).toBeDefined();
			return found as TimelineItem;
		});
		expect(item.parts).toEqual([{ type: "text", text: "Here is my screen" }, part]);
		const view = client.conversation(conversationId);
		const shown = await eventually(() => {
			const found = view.state.getState().items.find((i) => i.id === itemId);
			expect(found?.delivery).toBe("sent");
			return found as TimelineItem;
		});
		expect(shown.parts[1]).toEqual({ ...part, url: absolute });
	});

	it("makes file parts for documents, naming a Blob with the name option", async () => {
		const { client, conversationId } = await visitorWithConversation();
		const csv = new Blob(["name,plan\nAda,pro\n"], { type: "text/csv" });
		const part = await client.uploadFile(csv, { conversationId, name: "accounts.csv" });
		expect(part).toMatchObject({
			type: "file",
			mediaType: "text/csv",
			name: "accounts.csv",
			size: csv.size,
		});
		const served = await fetch(serverUrl(part.url, server.apiUrl));
		expect(served.headers.get("content-disposition")).toBe(
			"attachment; filename*=UTF-8''accounts.csv",
		);
		await client.sendMessage(conversationId, [part]);
	});

	it("surfaces a refused upload as a CossistantApiError with the server's code", async () => {
		const { client, conversationId } = await visitorWithConversation();
		const disguised = new File(["<html><script>alert(1)</script></html>"], "cat.png", {
			type: "image/png",
		});
		const refused = await client.uploadFile(disguised, { conversationId }).catch((e) => e);
		expect(refused).toBeInstanceOf(CossistantApiError);
		expect(refused).toMatchObject({ status: 415, code: "unsupported_media_type" });

		const elsewhere = await client
			.uploadFile(new File([PNG], "a.png", { type: "image/png" }), {
				conversationId: "0190f000-0000-7000-8000-000000000000",
			})
			.catch((e) => e);
		expect(elsewhere).toMatchObject({ status: 404, code: "not_found" });

		const aborted = new AbortController();
		aborted.abort(new Error("user cancelled"));
		await expect(
			client.uploadFile(new File([PNG], "a.png", { type: "image/png" }), {
				signal: aborted.signal,
			}),
		).rejects.toThrow("user cancelled");
	});
});
