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

	it("pages in timeline order: createdAt, ties by seq, both ways", async () => {
		const { conversationId } = await visitorWithConversation(server, site, clients, "first");
		const path = `/conversations/${conversationId}/messages`;
		for (let i = 0; i < 5; i += 1) {
			ok(await agent.post(path, { text: `item ${i}`, visibility: i % 2 ? "private" : "public" }));
		}
		const rows = await database.db.prisma.timelineItem.findMany({
			where: { conversationId },
			orderBy: { seq: "asc" },
		});
		expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
		// The server's clock stepped back after seq 3, and seq 5 and 6 share their time.
		const at: Record<number, string> = {
			1: "2026-11-21T10:00:01.000Z",
			2: "2026-11-21T10:00:02.000Z",
			3: "2026-11-21T10:00:08.000Z",
			4: "2026-11-21T10:00:03.000Z",
			5: "2026-11-21T10:00:09.000Z",
			6: "2026-11-21T10:00:09.000Z",
		};
		for (const row of rows) {
			await database.db.prisma.timelineItem.update({
				where: { id: row.id },
				data: { createdAt: new Date(at[row.seq] as string) },
			});
		}
		const expected = [1, 2, 4, 3, 5, 6];

		const all = ok(await agent.get(`/conversations/${conversationId}?limit=100`));
		expect(all.timeline.items.map((i: TimelineItem) => i.seq)).toEqual(expected);
		const pages = async (order: "asc" | "desc") => {
			const seqs: number[] = [];
			let cursor: string | null = null;
			do {
				const query: string = `limit=2&order=${order}${cursor ? `&cursor=${cursor}` : ""}`;
				const page = ok(await agent.get(`/conversations/${conversationId}?${query}`));
				seqs.push(...page.timeline.items.map((i: TimelineItem) => i.seq));
				cursor = page.timeline.nextCursor;
			} while (cursor);
			return seqs;
		};
		expect(await pages("asc")).toEqual(expected);
		expect(await pages("desc")).toEqual([...expected].reverse());
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
