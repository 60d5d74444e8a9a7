// Chaos: convergence fuzz. Visitors and agents perform seeded random operations (messages,
// notes, status / priority / tag changes, seen, typing) while the run cuts clients off
// (partitions of a few hundred operations, short connection blips) and restarts the server
// at random points (SIGKILL or SIGTERM). At the end every client is back online and all
// replicas, all outboxes and the database agree: items by id and order, conversation fields,
// one ledger row per command. See chaos/README.md.

import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../sync-server/test/support/eventually.ts";
import type { Random } from "../sync-server/test/support/fuzz/random.ts";
import type { ChaosClient } from "./support/chaos-client.ts";
import { createChaosDatabase } from "./support/chaos-database.ts";
import { Cleanups, reportOnFailure, serverErrors, sleep } from "./support/chaos-run.ts";
import { ChaosServer } from "./support/chaos-server.ts";
import { expectOutboxesSettled, expectReplicasConverged } from "./support/convergence.ts";
import { expectDatabaseMatches } from "./support/database-checks.ts";
import { chaosProfile, chaosSeed } from "./support/profile.ts";
import { type ChaosCast, castChaosWorld } from "./support/setup.ts";

const profile = chaosProfile();
/** Commands sent but not yet applied, over online clients, before the run waits for the server. */
const MAX_BACKLOG = 400;
/** A client offline this long holds its commands back (its outbox stays under the server's cap). */
const MAX_CLIENT_BACKLOG = 600;

type Operation = "command" | "typing" | "partition" | "blip" | "pause";

describe(`convergence fuzz (${profile.name} profile)`, () => {
	const cleanups = new Cleanups();
	afterAll(() => cleanups.run());

	it(`converges after ${profile.fuzz.operations} random operations with partitions and ${profile.fuzz.restarts} restarts`, async () => {
		const random = chaosSeed("chaos/convergence-fuzz.chaos.ts");
		const startedAt = Date.now();
		const { operations, restarts } = profile.fuzz;
		const database = await createChaosDatabase();
		cleanups.add(() => database.drop());
		const server = await ChaosServer.start({ database });
		cleanups.add(() => server.dispose());
		let cast: ChaosCast | null = null;
		reportOnFailure(server, () => cast?.world ?? null);
		cast = await castChaosWorld(server, cleanups, { visitors: 4, agents: 3 });
		const { world, observer, connect } = cast;

		const restartAt = new Set<number>();
		while (restartAt.size < restarts) {
			restartAt.add(random.int(Math.floor(operations * 0.05), Math.floor(operations * 0.95)));
		}
		/** Operation index at which an offline client comes back. */
		const backOnline = new Map<ChaosClient, number>();
		const counts: Record<Operation | "restart", number> = {
			command: 0,
			typing: 0,
			partition: 0,
			blip: 0,
			pause: 0,
			restart: 0,
		};

		for (let index = 0; index < operations; index++) {
			// One draw from the seed per operation: operation `index` depends on (seed, index)
			// and the world's state, not on how many draws earlier branches made.
			const step: Random = random.fork();
			for (const [client, at] of backOnline) {
				if (at <= index) {
					client.goOnline();
					backOnline.delete(client);
				}
			}
			if (restartAt.has(index)) {
				counts.restart += 1;
				if (step.chance(0.7)) await server.kill();
				else expect(await server.terminate(), "graceful stop under load").toBe(0);
				await sleep(step.int(0, 300));
				await server.restart();
			}
			const client = step.pick(world.clients);
			const operation = step.weighted<Operation>([
				[85, "command"],
				[6, "typing"],
				[4, "partition"],
				[3, "blip"],
				[2, "pause"],
			]);
			counts[operation] += 1;
			switch (operation) {
				case "command": {
					if (client.pendingCount >= MAX_CLIENT_BACKLOG) break;
					const command = world.randomCommand(step, client);
					if (command) client.send(command);
					break;
				}
				case "typing": {
					const conversations = [...client.openDocs].filter(
						(name) => name.startsWith("conv/") && !name.endsWith("/private"),
					);
					if (conversations.length > 0) client.typing(step.pick(conversations));
					break;
				}
				case "partition": {
					const offline = world.clients.filter((c) => c.isOffline).length;
					if (!client.isOffline && offline < world.clients.length / 2) {
						client.goOffline();
						backOnline.set(client, index + step.int(20, 400));
					}
					break;
				}
				case "blip":
					if (!client.isOffline) {
						client.goOffline();
						await sleep(step.int(0, 100));
						client.goOnline();
					}
					break;
				case "pause":
					await sleep(step.int(1, 30));
					break;
			}
			if (index % 50 === 0) for (const c of world.clients) world.openReplicas(c);
			if (index % 20 === 0) {
				const backlog = () =>
					world.clients.filter((c) => !c.isOffline).reduce((sum, c) => sum + c.pendingCount, 0);
				if (backlog() > MAX_BACKLOG) {
					await eventually(() => expect(backlog()).toBeLessThan(MAX_BACKLOG / 4), {
						timeoutMs: 120_000,
						intervalMs: 50,
						message: `backlog did not drain at operation ${index}`,
					});
				}
			}
			if ((index + 1) % Math.max(1, Math.floor(operations / 10)) === 0) {
				const applied = world.clients.reduce((sum, c) => sum + c.applied.size, 0);
				console.info(
					`[chaos] fuzz: ${index + 1}/${operations} operations, ${applied} commands applied, ${Math.round((Date.now() - startedAt) / 1000)} s`,
				);
			}
			// Let sockets and timers run between operations.
			await new Promise((resolve) => setImmediate(resolve));
		}
		for (const client of backOnline.keys()) client.goOnline();
		for (const client of world.clients) world.openReplicas(client);

		await expectOutboxesSettled(world.clients, 180_000);
		const reference = connect(observer);
		const contents = await expectReplicasConverged(world.clients, reference, 60_000);
		for (const client of [...world.clients, reference]) client.destroy();
		expect(await server.terminate(), "graceful stop after the run").toBe(0);
		const db = await server.openDatabase();
		try {
			const totals = await expectDatabaseMatches(db, world.clients, contents);
			const retried = world.clients.reduce((sum, c) => sum + c.retryableRejections, 0);
			console.info(
				`[chaos] convergence-fuzz (${database.kind}): ${operations} operations ${JSON.stringify(counts)}, ` +
					`${totals.commands} commands, ${totals.items} items, ${world.conversations.length} conversations, ` +
					`${retried} retryable refusals, ${Math.round((Date.now() - startedAt) / 1000)} s`,
			);
		} finally {
			await db.close();
		}
		expect(serverErrors(server), "server error logs").toEqual([]);
	});
});
