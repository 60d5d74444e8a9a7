import { createHmac } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "../../sync-server/src/auth/api-keys.ts";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import { CossistantClient, createSupport, memoryKeyValueStore } from "../src/index.ts";

const support = createSupport({
	featureFlags: ["new-message", "billing-v2"],
	onboarding: {
		steps: [
			{ id: "workspace", isFirst: true },
			{ id: "invite-team" },
			{ id: "done", isLast: true },
		],
	},
});

describe.each(testDatabaseTargets())(
	"support state and contacts through the client on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		let privateKey: string;
		const clients: CossistantClient[] = [];

		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db);
			const key = generateApiKey("private", "test");
			await database.db.prisma.apiKey.create({
				data: {
					id: uuidv7(),
					websiteId: server.demo?.websiteId ?? "",
					kind: "private",
					environment: "test",
					name: "backend",
					prefix: key.prefix,
					keyHash: key.hash,
				},
			});
			privateKey = key.value;
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		async function visitor() {
			const client = new CossistantClient({
				apiUrl: server.apiUrl,
				publicKey: server.demo?.publicKey,
				...localOriginClient,
				storage: memoryKeyValueStore(),
				support,
			});
			clients.push(client);
			await client.fetchWebsite();
			return client;
		}

		function backend() {
			const client = new CossistantClient({ apiUrl: server.apiUrl, apiKey: privateKey });
			clients.push(client);
			return client;
		}

		it("flips a flag live when the backend mutates it with the private key", async () => {
			const client = await visitor();
			const state = await client.fetchSupportState();
			expect(state.featureFlags).toEqual([]);
			expect(client.isFeatureFlagEnabled("new-message")).toBe(false);
			const visitorId = client.visitorState.getState().visitor?.id ?? "";
			const response = await backend().mutateSupportFeatureFlags({
				target: { type: "visitor", id: visitorId },
				operation: "add",
				flags: ["new-message"],
			});
			expect(response.featureFlags).toEqual(["new-message"]);
			await eventually(() => expect(client.isFeatureFlagEnabled("new-message")).toBe(true));
			expect(client.isFeatureFlagEnabled("billing-v2")).toBe(false);
		});

		it("applies onboarding changes optimistically and keeps them once the server confirms", async () => {
			const client = await visitor();
			await client.fetchSupportState();
			expect(client.support.store.state.getState().currentStepId).toBe("workspace");
			const pending = client.setOnboardingMetadata("workspace", { workspaceName: "Acme" });
			// Optimistic: visible before the server answered.
			expect(client.support.store.state.getState().onboarding.workspace?.metadata).toEqual({
				workspaceName: "Acme",
			});
			await pending;
			await client.completeOnboardingStep("workspace");
			expect(client.support.store.state.getState().currentStepId).toBe("invite-team");
			await eventually(async () => {
				const fresh = await client.fetchSupportState();
				expect(fresh.onboarding.workspace).toEqual({
					completed: true,
					metadata: { workspaceName: "Acme" },
				});
			});
			expect(client.support.store.state.getState().currentStepId).toBe("invite-team");
		});

		it("identifies, sets metadata only when it changed, and shares history across devices", async () => {
			const laptop = await visitor();
			const externalId = `user-${uuidv7()}`;
			// Signed, as the host's server signs it: another device then joins the same contact.
			const { identitySecret } = await database.db.prisma.website.findUniqueOrThrow({
				where: { id: server.demo?.websiteId ?? "" },
				select: { identitySecret: true },
			});
			const signature = createHmac("sha256", identitySecret).update(externalId).digest("hex");
			const identified = await laptop.identify({
				externalId,
				signature,
				email: `${externalId}@example.com`,
				name: "Ada",
			});
			expect(identified.contact).toMatchObject({ externalId, name: "Ada" });
			expect(laptop.visitorState.getState().visitor?.contact?.externalId).toBe(externalId);

			expect(await laptop.setVisitorMetadata({ plan: "pro", mrr: 99 })).toBe(true);
			await eventually(async () => {
				const contact = await database.db.prisma.contact.findUniqueOrThrow({
					where: { id: identified.contact.id },
				});
				expect(contact.metadata).toEqual({ plan: "pro", mrr: 99 });
			});
			expect(await laptop.setVisitorMetadata({ mrr: 99, plan: "pro" })).toBe(false);

			const conversationId = await laptop.startConversation({
				initialMessage: "asked on the laptop",
			});
			await eventually(() => expect(laptop.conversations.get(conversationId)?.pending).toBe(false));

			const phone = await visitor();
			await phone.identify({ externalId, signature });
			await eventually(() => expect(phone.conversations.get(conversationId)).toBeDefined());
			const onPhone = phone.conversation(conversationId);
			await eventually(() =>
				expect(onPhone.state.getState().items.map((i) => i.parts[0])).toEqual([
					{ type: "text", text: "asked on the laptop" },
				]),
			);
			await laptop.sendMessage(conversationId, "follow-up from the laptop");
			await eventually(() => expect(onPhone.state.getState().items).toHaveLength(2));
		});
	},
);
