import { createHmac } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import { CossistantApiError, CossistantClient, memoryKeyValueStore } from "../src/index.ts";

describe.each(testDatabaseTargets())(
	"identity verification through the client on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		const clients: CossistantClient[] = [];

		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db);
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		/** A device: a new visitor of the demo website, with its test key. */
		async function device() {
			const client = new CossistantClient({
				apiUrl: server.apiUrl,
				publicKey: server.demo?.publicKey,
				...localOriginClient,
				storage: memoryKeyValueStore(),
			});
			clients.push(client);
			await client.fetchWebsite();
			return client;
		}

		async function sign(value: string) {
			const { identitySecret } = await database.db.prisma.website.findUniqueOrThrow({
				where: { id: server.demo?.websiteId ?? "" },
				select: { identitySecret: true },
			});
			return createHmac("sha256", identitySecret).update(value).digest("hex");
		}

		it("refuses a second device's unsigned identify with a stable code and a message naming the fix", async () => {
			const externalId = `user-${uuidv7()}`;
			// The first device creates the contact (unsigned is accepted for a new contact).
			await (await device()).identify({ externalId });

			const phone = await device();
			const refusal = await phone.identify({ externalId }).then(
				() => null,
				(error: unknown) => error,
			);
			expect(refusal).toBeInstanceOf(CossistantApiError);
			const { status, code, message } = refusal as CossistantApiError;
			expect({ status, code }).toEqual({ status: 403, code: "identity_verification_failed" });
			expect(message).toMatch(/requires a signed identify/);
			expect(message).toContain("IdentifySupportVisitor in @cossistant/next");
			expect(message).toContain("createIdentitySignature from @cossistant/next/server");
			expect(message).toContain("HMAC-SHA256");
			expect(phone.visitorState.getState().visitor?.contact).toBeNull();

			// A wrong signature says so, with the same code and fix.
			const wrong = await phone.identify({ externalId, signature: "0".repeat(64) }).then(
				() => null,
				(error: unknown) => error,
			);
			expect(wrong).toMatchObject({ status: 403, code: "identity_verification_failed" });
			expect((wrong as Error).message).toMatch(/signature is wrong/);
			expect((wrong as Error).message).toContain("createIdentitySignature");

			// Signed as the docs say, the same device joins the contact.
			const joined = await phone.identify({ externalId, signature: await sign(externalId) });
			expect(joined.contact.externalId).toBe(externalId);
		});
	},
);
