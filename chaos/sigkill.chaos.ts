// Chaos: SIGKILL the real sync-server under load, again and again, restarting it on the same
// port each time. Visitors and agents keep sending commands through their durable outboxes the
// whole time (also while the server is down). At the end the database holds exactly the
// commands the clients sent (by id: none lost, none twice), every replica equals the server's
// documents and every outbox is empty. See chaos/README.md.

import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../sync-server/test/support/eventually.ts";
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

describe(`SIGKILL under load (${profile.name} profile)`, () => {
	const cleanups = new Cleanups();
	afterAll(() => cleanups.run());

	it(`loses and duplicates nothing over ${profile.sigkill.kills} SIGKILLs, and every replica converges`, async () => {
		const random = chaosSeed("chaos/sigkill.chaos.ts");
		const startedAt = Date.now();
		const database = await createChaosDatabase();
		cleanups.add(() => database.drop());
		const server = await ChaosServer.start({ database });
		cleanups.add(() => server.dispose());
		let cast: ChaosCast | null = null;
		reportOnFailure(server, () => cast?.world ?? null);
		cast = await castChaosWorld(server, cleanups, { visitors: 3, agents: 2 });
		const { world, observer, connect } = cast;

		const load = startLoad(random.fork(), world, [20, 60]);
		const downtimes: number[] = [];
		for (let kill = 1; kill <= profile.sigkill.kills; kill++) {
			await sleep(random.int(...profile.sigkill.uptimeMs));
			const appliedBefore = appliedCount(world);
			await server.kill();
			const downAt = Date.now();
			// Clients keep queueing while the server is gone.
			await sleep(random.int(0, 500));
			await server.restart();
			downtimes.push(Date.now() - downAt);
			console.info(
				`[chaos] kill ${kill}: ${appliedBefore} applied before, back after ${Date.now() - downAt} ms`,
			);
			// Liveness: the restarted server applies what was queued, not only what is new.
			await eventually(() => expect(appliedCount(world)).toBeGreaterThan(appliedBefore), {
				timeoutMs: 60_000,
				message: `no progress after kill ${kill}`,
			});
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
				`[chaos] sigkill (${database.kind}): ${profile.sigkill.kills} kills, ${totals.commands} commands, ` +
					`${totals.items} items, ${world.conversations.length} conversations, ${retried} retryable refusals, ` +
					`downtime avg ${Math.round(downtimes.reduce((a, b) => a + b, 0) / downtimes.length)} ms, ` +
					`${Math.round((Date.now() - startedAt) / 1000)} s`,
			);
		} finally {
			await db.close();
		}
		expect(serverErrors(server), "server error logs").toEqual([]);
	});
});
