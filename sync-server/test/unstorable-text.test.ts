import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { rest } from "./support/rest.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

// PostgreSQL text and jsonb cannot hold U+0000, and json / jsonb refuse a lone surrogate's
// escape: a title with NUL and an organization's metadata with "\ud800" were 500s (found by
// the fuzz suite). Every boundary refuses them with a stable code, and the server keeps serving.
describe.each(testDatabaseTargets())("text PostgreSQL cannot store, on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	it("answers 400 validation_failed on REST and invalid_command in the pipeline, for NUL and lone surrogates", async () => {
		const agent = await loginAgent(server);
		const websiteId = (await rest(server, "GET", "/auth/me", { token: agent.token })).body
			.websiteIds[0] as string;
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const refused = await rest(server, "POST", "/conversations", {
			token: agent.token,
			body: { websiteId, visitorId: boot.visitor.id, title: "a\u0000b" },
		});
		expect(refused.status).toBe(400);
		expect(refused.body.error.code).toBe("validation_failed");

		const result = await server.pipeline.submit(
			{ kind: "visitor", visitorId: boot.visitor.id, websiteId: boot.website.id },
			{
				id: uuidv7(),
				type: "conversation.start",
				conversationId: uuidv7(),
				initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "hi\u0000" }] },
			},
		);
		expect(result).toMatchObject({ status: "rejected", code: "invalid_command", retryable: false });

		// A lone surrogate (a JSON body may carry one as "\ud800"), in a value or a key.
		for (const body of [
			{ websiteId, name: "Acme", metadata: { plan: "x\ud800" } },
			{ websiteId, name: "Acme", metadata: { "\udc00": "x" } },
		]) {
			const lone = await rest(server, "POST", "/organizations", { token: agent.token, body });
			expect(lone.status).toBe(400);
			expect(lone.body.error).toMatchObject({
				code: "validation_failed",
				message: expect.stringMatching(/well-formed Unicode/),
			});
		}
		// A well-formed pair (an emoji) is fine.
		const emoji = await rest(server, "POST", "/organizations", {
			token: agent.token,
			body: { websiteId, name: "Acme \ud83d\ude00", metadata: { plan: "\ud83d\ude00" } },
		});
		expect(emoji.status).toBe(201);
		const loneInCommand = await server.pipeline.submit(
			{ kind: "visitor", visitorId: boot.visitor.id, websiteId: boot.website.id },
			{
				id: uuidv7(),
				type: "conversation.start",
				conversationId: uuidv7(),
				initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "hi\udc00" }] },
			},
		);
		expect(loneInCommand).toMatchObject({
			status: "rejected",
			code: "invalid_command",
			reason: expect.stringMatching(/well-formed Unicode/),
		});

		// Still serving.
		expect((await rest(server, "GET", "/auth/me", { token: agent.token })).status).toBe(200);
	});
});
