import { DocumentNames } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import { testDatabaseTargets } from "../../sync-server/test/support/test-database.ts";
import { CossistantClient, memoryKeyValueStore, preloadConversation } from "../src/index.ts";

import { ClientFixture } from "./support/client-fixture.ts";

describe.each(testDatabaseTargets())(
	"CossistantClient: preloads, teardown, bad items, typing and usage errors on $name",
	(target) => {
		const fx = ClientFixture.use(target);

		it("opens a conversation preloaded before the bootstrap as any other, for the stored visitor only", async () => {
			const storage = memoryKeyValueStore();
			const first = fx.newClient(storage);
			await first.fetchWebsite();
			const conversationId = await first.startConversation({ initialMessage: "before reload" });
			await eventually(() => expect(first.conversations.get(conversationId)?.pending).toBe(false));

			const client = fx.newClient(storage);
			const errors: string[] = [];
			client.events.subscribe("error", (event) => errors.push(event.error.message));
			preloadConversation(client, conversationId);
			await client.fetchWebsite();
			const view = client.conversation(conversationId);
			await eventually(() => {
				expect(view.state.getState().phase).toBe("ready");
				expect(view.state.getState().items.map((i) => i.parts[0])).toEqual([
					{ type: "text", text: "before reload" },
				]);
			});
			await client.sendMessage(conversationId, "after reload");
			await eventually(() =>
				expect(view.state.getState().items.map((i) => i.delivery)).toEqual(["sent", "sent"]),
			);
			expect(errors).toEqual([]);

			// Nothing stored, nothing of this visitor's can be cached: nothing to preload.
			const fresh = fx.newClient();
			preloadConversation(fresh, conversationId);
			await fresh.fetchWebsite();
			expect(fresh.conversations.get(conversationId)).toBeUndefined();
			// Settled before the next test counts the server's connections.
			await eventually(() => expect(fresh.connection.state.getState().status).toBe("connected"));
		});

		it("releases its socket on destroy", async () => {
			const count = async () =>
				((await (await fetch(`${fx.server.url}/healthz`)).json()) as { connections: number })
					.connections;
			const before = await count();
			const client = new CossistantClient({
				apiUrl: fx.server.apiUrl,
				publicKey: fx.server.demo?.publicKey,
				...localOriginClient,
				storage: memoryKeyValueStore(),
			});
			await client.fetchWebsite();
			await eventually(async () => expect(await count()).toBe(before + 1));
			client.destroy();
			await eventually(async () => expect(await count()).toBe(before));
		});

		it("reports a malformed item from the server through the error event without crashing", async () => {
			const client = fx.newClient();
			const errors: Array<{ context?: string; message: string }> = [];
			client.events.subscribe("error", (event) =>
				errors.push({ context: event.context, message: event.error.message }),
			);
			await client.fetchWebsite();
			const conversationId = await client.startConversation({ initialMessage: "hi" });
			const view = client.conversation(conversationId);
			await eventually(() =>
				expect(view.state.getState().items.filter((i) => !i.pending)).toHaveLength(1),
			);

			const live = fx.server.hocuspocus.documents.get(DocumentNames.conversation(conversationId));
			live?.getArray("timeline").push([{ id: "broken", type: "message", parts: "not-an-array" }]);
			await eventually(() =>
				expect(errors.some((e) => e.context === "invalid_timeline_item")).toBe(true),
			);
			expect(view.state.getState().items).toHaveLength(1);
			// The client keeps working.
			await client.sendMessage(conversationId, "still here");
			await eventually(() =>
				expect(view.state.getState().items.filter((i) => i.delivery === "sent")).toHaveLength(2),
			);
		});

		it("shows typing both ways through awareness, and typing expires", async () => {
			const client = fx.newClient();
			await client.fetchWebsite();
			const conversationId = await client.startConversation({ initialMessage: "typing test" });
			const view = client.conversation(conversationId);
			await eventually(() => expect(view.state.getState().phase).toBe("ready"));
			(await view.doc) && (await eventually(() => expect(view.state.getState().loaded).toBe(true)));
			const { agent, session } = await fx.newAgent();
			const convDoc = DocumentNames.conversation(conversationId);
			const provider = await agent.openSynced(convDoc);

			client.setTyping(conversationId, true);
			const visitorId = client.visitorState.getState().visitor?.id;
			await eventually(() => {
				const states = [...(provider.awareness?.getStates().values() ?? [])];
				expect(
					states.some(
						(s) =>
							(s.typing as { principal?: string } | undefined)?.principal ===
							`visitor:${visitorId}`,
					),
				).toBe(true);
			});

			provider.setAwarenessField("typing", {
				principal: `user:${session.user.id}`,
				name: "Demo Admin",
				at: Date.now(),
			});
			await eventually(() =>
				expect(view.state.getState().typing).toEqual([
					{ principal: `user:${session.user.id}`, name: "Demo Admin" },
				]),
			);
			provider.setAwarenessField("typing", null);
			await eventually(() => expect(view.state.getState().typing).toEqual([]));
		});

		it("refuses metadata before identify() and a missing key with a configuration error", async () => {
			expect(() => new CossistantClient({ apiUrl: fx.server.apiUrl })).toThrow(/public key/);
			expect(
				() => new CossistantClient({ apiUrl: fx.server.apiUrl, publicKey: "sk_live_nope" }),
			).toThrow(/pk_test_/);
			process.env.COSSISTANT_API_KEY = fx.server.demo?.publicKey;
			try {
				const detected = new CossistantClient({
					apiUrl: fx.server.apiUrl,
					...localOriginClient,
					storage: memoryKeyValueStore(),
				});
				fx.track(detected);
				await detected.fetchWebsite();
				expect(detected.visitorState.getState().visitor).not.toBeNull();
				// Not identified yet: refused up front (visitor-metadata.test.ts covers the rest).
				await expect(detected.setVisitorMetadata({ plan: "pro", mrr: 99 })).rejects.toMatchObject({
					code: "visitor_not_identified",
				});
			} finally {
				delete process.env.COSSISTANT_API_KEY;
			}
		});
	},
);
