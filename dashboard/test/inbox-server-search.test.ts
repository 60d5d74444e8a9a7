// The inbox's server search: the path it asks, the ids it collects (against a real server), and
// how the server's matches merge into the local filter.

import type { InboxConversation } from "@cossistant/core/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { createVisitor } from "../../sync-server/test/support/support-fixtures.ts";
import {
	createTeamSite,
	ok,
	type TeamSite,
	teamApi,
} from "../../sync-server/test/support/team-fixtures.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import { createTeamRequest } from "../src/api/team-request.ts";
import { DEFAULT_FILTER, filterInbox } from "../src/inbox/inbox-filter.ts";
import { fetchServerMatches, serverSearchPath } from "../src/inbox/server-search.ts";

const at = "2026-11-21T10:00:00.000Z";

function conversation(id: string, patch: Partial<InboxConversation> = {}): InboxConversation {
	return {
		id,
		websiteId: "website-1",
		visitorId: `visitor-${id}`,
		contactId: null,
		title: null,
		status: "open",
		priority: "medium",
		tags: [],
		participantIds: [],
		assigneeIds: [],
		lastTimelineItem: null,
		createdAt: at,
		updatedAt: at,
		resolvedAt: null,
		activityAt: at,
		unread: false,
		hasPendingChanges: false,
		...patch,
	};
}

const context = { userId: "me-000001", contact: () => undefined };

describe("filterInbox with server matches", () => {
	const list = [
		conversation("c1", { title: "Zanzibar trip" }),
		conversation("c2"),
		conversation("c3", { status: "resolved" }),
		conversation("c4", { priority: "urgent" }),
	];
	const search = (text: string, serverMatches?: ReadonlySet<string>, patch = {}) =>
		filterInbox(
			list,
			{ ...DEFAULT_FILTER, search: text, ...patch },
			{
				...context,
				...(serverMatches ? { serverMatches } : {}),
			},
		).map((c) => c.id);

	it("adds the server's matches to the local ones, in inbox order", () => {
		expect(search("zanzibar")).toEqual(["c1"]);
		expect(search("zanzibar", new Set(["c4", "c2"]))).toEqual(["c1", "c2", "c4"]);
		// An id the device does not hold is not invented.
		expect(search("zanzibar", new Set(["elsewhere"]))).toEqual(["c1"]);
	});

	it("still applies the view and the other filters to the server's matches", () => {
		expect(search("zanzibar", new Set(["c3", "c4"]))).toEqual(["c1", "c4"]);
		expect(search("zanzibar", new Set(["c3", "c4"]), { view: "resolved" })).toEqual(["c3"]);
		expect(search("zanzibar", new Set(["c2", "c4"]), { priority: "urgent" })).toEqual(["c4"]);
	});

	it("ignores the server's matches without a search", () => {
		expect(search("", new Set(["c2"]))).toEqual(["c1", "c2", "c4"]);
	});
});

describe("serverSearchPath", () => {
	it("asks nothing for a blank search", () => {
		expect(serverSearchPath("w1", { ...DEFAULT_FILTER, search: "   " })).toBeNull();
	});

	it("sends the trimmed text and the inbox's filters", () => {
		const path = serverSearchPath("w1", {
			view: "resolved",
			priority: "high",
			tag: "billing",
			assignee: "mine",
			search: "  100% sure ",
		});
		const url = new URL(path ?? "", "http://x");
		expect(url.pathname).toBe("/conversations");
		expect(Object.fromEntries(url.searchParams)).toEqual({
			q: "100% sure",
			websiteId: "w1",
			limit: "100",
			status: "resolved",
			priority: "high",
			tag: "billing",
			assignee: "me",
		});
		const all = new URL(
			serverSearchPath("w1", { ...DEFAULT_FILTER, view: "all", search: "x".repeat(300) }) ?? "",
			"http://x",
		);
		expect(all.searchParams.get("q")).toHaveLength(200);
		expect(all.searchParams.has("status")).toBe(false);
	});
});

describe.each(testDatabaseTargets())(
	"fetchServerMatches against a real server on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		let site: TeamSite;
		const made: string[] = [];

		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db);
			site = await createTeamSite(server);
			const backend = teamApi(server, site.privateKey);
			const visitor = await createVisitor(server, site);
			for (let i = 0; i < 3; i++) {
				const id = ok(
					await backend.post("/conversations", {
						visitorId: visitor.visitorId,
						message: { text: `Order Quetzalword ${i}` },
					}),
				).conversation.id as string;
				ok(await backend.post(`/conversations/${id}/messages`, { text: "Anything else?" }));
				made.push(id);
			}
			ok(await backend.post("/conversations", { visitorId: visitor.visitorId }));
		});
		afterAll(async () => {
			await server.stop();
			await database.drop();
		});

		it("collects the ids of every page, and stops when the search went stale", async () => {
			const request = createTeamRequest({ apiUrl: server.apiUrl, token: site.agent.token });
			const path = serverSearchPath(site.websiteId, { ...DEFAULT_FILTER, search: "quetzalword" });
			if (!path) throw new Error("no path");
			const paged = path.replace("limit=100", "limit=1");
			expect([...(await fetchServerMatches(request, paged))].sort()).toEqual([...made].sort());
			expect(await fetchServerMatches(request, paged, { maxPages: 2 })).toHaveProperty("size", 2);
			expect(await fetchServerMatches(request, paged, { isStale: () => true })).toHaveProperty(
				"size",
				1,
			);
			const nothing = serverSearchPath(site.websiteId, { ...DEFAULT_FILTER, search: "absent" });
			expect((await fetchServerMatches(request, nothing ?? "")).size).toBe(0);
		});
	},
);
