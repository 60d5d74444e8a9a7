// Chaos: PostgreSQL unreachable under load, twice: once "down" (every connection reset, new
// ones refused) and once "partitioned" (packets held, connections hang), each for the profile's
// outage (30 s long, 8 s short). A TCP proxy between the server and PostgreSQL does the
// breaking, so the machine's PostgreSQL service is never touched. During each outage the
// server keeps serving from memory (typing still flows between open replicas; a known agent's
// second device opens a document the server holds, its credentials taken from memory), commands
// wait or are refused with a retryable reason (clients keep them queued), and afterwards everything acknowledged is there and every
// replica, outbox and row agrees. See chaos/README.md.

import { DocumentNames } from "@cossistant/types";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../sync-server/test/support/eventually.ts";
import { PgProxy } from "../sync-server/test/support/pg-proxy.ts";
import { createChaosDatabase } from "./support/chaos-database.ts";
import {
	appliedCount,
	Cleanups,
	reportOnFailure,
	serverErrors,
	sleep,
	startLoad,
} from "./support/chaos-run.ts";
import { ChaosServer } from "./support/chaos-server.ts";
import { expectOutboxesSettled, expectReplicasConverged } from "./support/convergence.ts";
import { expectDatabaseMatches } from "./support/database-checks.ts";
import { chaosProfile, chaosSeed } from "./support/profile.ts";
import { type ChaosCast, castChaosWorld } from "./support/setup.ts";

const profile = chaosProfile();
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
	console.warn(
		"[chaos] postgres-outage.chaos.ts skipped: it needs PostgreSQL (set DATABASE_URL to an admin URL, as CI does).",
	);
}

describe.runIf(adminUrl)(`PostgreSQL unavailable under load (${profile.name} profile)`, () => {
	const cleanups = new Cleanups();
	afterAll(() => cleanups.run());

	it(`serves from memory through ${profile.outage.outageMs / 1000} s outages, loses nothing acknowledged and converges`, async () => {
		const random = chaosSeed("chaos/postgres-outage.chaos.ts");
		const startedAt = Date.now();
		const database = await createChaosDatabase(adminUrl);
		cleanups.add(() => database.drop());
		const databaseUrl = database.url as string;
		const proxy = await PgProxy.forUrl(databaseUrl);
		cleanups.add(() => proxy.close());
		const server = await ChaosServer.start({ database, databaseUrl: proxy.urlFor(databaseUrl) });
		cleanups.add(() => server.dispose());
		let cast: ChaosCast | null = null;
		reportOnFailure(server, () => cast?.world ?? null);
		cast = await castChaosWorld(server, cleanups, { visitors: 3, agents: 2 });
		const { world, observer, connect } = cast;
		const [visitor] = world.visitors;
		const [agent] = world.agents;
		if (!visitor || !agent) throw new Error("cast too small");
		const conversation = world.started(visitor)[0];
		if (!conversation) throw new Error("visitor-0 has no conversation");
		const conversationDoc = DocumentNames.conversation(conversation.id);
		// The agent's replica of the conversation is synced before any outage: its session and its
		// access to that document were checked (opens are asynchronous; on a loaded machine they
		// may still be in flight when the load starts).
		await agent.openSynced(conversationDoc, 30_000);
		const load = startLoad(random.fork(), world, [40, 100]);
		await sleep(2_000);
		for (const mode of ["sever", "blackhole"] as const) {
			const acknowledged = appliedCount(world);
			if (mode === "sever") proxy.sever();
			else proxy.blackhole();
			const outageEnds = Date.now() + profile.outage.outageMs;
			console.info(
				`[chaos] ${mode}: PostgreSQL unreachable for ${profile.outage.outageMs} ms (${acknowledged} applied, ${proxy.connections} connections)`,
			);

			// Realtime from memory: typing still reaches an open replica.
			const typingAt = Date.now();
			visitor.typing(conversationDoc);
			await eventually(
				() => {
					const provider = agent.client.open(conversationDoc);
					const states = [...(provider.awareness?.getStates().values() ?? [])];
					const typing = states.find(
						(state) =>
							(state.typing as { principal?: string; at?: number } | undefined)?.principal ===
							visitor.participant.principal,
					)?.typing as { at: number } | undefined;
					expect(typing?.at).toBeGreaterThanOrEqual(typingAt);
				},
				{ timeoutMs: profile.outage.outageMs / 2, message: `typing during the ${mode}` },
			);

			// A second device of an agent this process knows opens a document the server holds:
			// its session and its access to that document were checked against the database in
			// the last minutes, so memory stands in for it (OUTAGE_AUTH_*) and the document syncs
			// during the outage. (Never "unauthorized": 4401 logs an agent out; checked below.)
			const device = connect({ ...agent.participant, label: `agent-0-device-${mode}` });
			await device.openSynced(conversationDoc, Math.max(1_000, outageEnds - Date.now() - 1_000));
			expect(device.client.timeline(conversationDoc).length).toBeGreaterThan(0);
			await sleep(Math.max(0, outageEnds - profile.outage.outageMs * 0.4 - Date.now()));
			const appliedMidway = appliedCount(world);

			await sleep(Math.max(0, outageEnds - Date.now()));
			// The outage was real: nothing was applied in its second half.
			expect(appliedCount(world), `commands applied during the ${mode}`).toBe(appliedMidway);
			// Nothing was refused for good while the database was away.
			for (const client of world.clients) expect(client.finalRejections).toEqual([]);
			for (const client of [...world.clients, device]) {
				expect(
					client.client.closeEvents.filter((event) => event.code === 4401),
					`${client.label}: told unauthorized during the ${mode}`,
				).toEqual([]);
			}
			proxy.restore();
			console.info(`[chaos] ${mode}: restored; ${acknowledged} applied before it`);
			await eventually(() => expect(appliedCount(world)).toBeGreaterThan(acknowledged + 10), {
				timeoutMs: 60_000,
				message: `no progress after the ${mode}`,
			});
			await device.openSynced(conversationDoc, 60_000);
			expect(device.client.timeline(conversationDoc).length).toBeGreaterThan(0);
			device.destroy();
		}
		await load.stop();

		await expectOutboxesSettled(world.clients, 120_000);
		const reference = connect(observer);
		const contents = await expectReplicasConverged(world.clients, reference, 60_000);
		for (const client of [...world.clients, reference]) client.destroy();
		expect(await server.terminate(), "graceful stop after the run").toBe(0);
		const db = await server.openDatabase();
		try {
			const totals = await expectDatabaseMatches(db, world.clients, contents);
			const retried = world.clients.reduce((sum, c) => sum + c.retryableRejections, 0);
			console.info(
				`[chaos] postgres-outage: 2 outages of ${profile.outage.outageMs} ms, ${totals.commands} commands, ` +
					`${totals.items} items, ${retried} retryable refusals, ${Math.round((Date.now() - startedAt) / 1000)} s`,
			);
		} finally {
			await db.close();
		}
		expect(serverErrors(server), "server error logs").toEqual([]);
	});
});
