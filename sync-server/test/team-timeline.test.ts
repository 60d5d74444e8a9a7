// How the private conversations API reads a timeline (real server, real database): rows as
// stored, including rows written by earlier versions of the server.

import type { TimelineItem } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import {
	createTeamSite,
	ok,
	type TeamApi,
	type TeamSite,
	teamApi,
	visitorWithConversation,
} from "./support/team-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("REST timeline reads on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let agent: TeamApi;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTeamSite(server);
		agent = teamApi(server, site.agent.token);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	it("answers a file part stored with `fileName` with `name`, in the timeline and the preview", async () => {
		const { conversationId } = await visitorWithConversation(server, site, clients);
		const sent = ok(
			await agent.post(`/conversations/${conversationId}/messages`, {
				parts: [
					{
						type: "file",
						url: "https://files.example/a.pdf",
						mediaType: "application/pdf",
						name: "a.pdf",
						size: 3,
					},
				],
			}),
		);
		// What a server that still wrote `fileName` left behind.
		const legacy = [
			{
				type: "file",
				url: "https://files.example/a.pdf",
				mediaType: "application/pdf",
				fileName: "old.pdf",
				size: 3,
			},
		];
		const id = sent.item.id as string;
		await database.db.prisma.timelineItem.update({ where: { id }, data: { parts: legacy } });
		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		await database.db.prisma.conversation.update({
			where: { id: conversationId },
			data: { lastTimelineItem: { ...(row.lastTimelineItem as object), parts: legacy } },
		});

		const read = ok(await agent.get(`/conversations/${conversationId}`));
		const expected = [
			{
				type: "file",
				url: "https://files.example/a.pdf",
				mediaType: "application/pdf",
				name: "old.pdf",
				size: 3,
			},
		];
		expect(read.timeline.items.find((i: TimelineItem) => i.id === id).parts).toEqual(expected);
		expect(read.conversation.lastTimelineItem.parts).toEqual(expected);
		const listed = ok(await agent.get("/conversations"));
		const summary = listed.conversations.find((c: { id: string }) => c.id === conversationId);
		expect(summary.lastTimelineItem.parts).toEqual(expected);
	});
});
