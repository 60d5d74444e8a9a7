import { onTestFailed } from "vitest";
import type { Random } from "../../sync-server/test/support/fuzz/random.ts";
import type { ChaosClient } from "./chaos-client.ts";
import type { ChaosServer } from "./chaos-server.ts";
import type { ChaosWorld } from "./chaos-world.ts";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Cleanups run in reverse order of registration, each even if an earlier one threw. */
export class Cleanups {
	private readonly steps: Array<() => unknown> = [];

	add(step: () => unknown): void {
		this.steps.push(step);
	}

	async run(): Promise<void> {
		for (const step of this.steps.splice(0).reverse()) {
			try {
				await step();
			} catch (error) {
				console.error("[chaos] cleanup failed:", error);
			}
		}
	}
}

/**
 * Steady load: every client sends a random valid command every `pauseMs` (random in range)
 * until `stop()`; each client draws from its own fork of `random`, so the sequence of choices
 * of each client depends only on the seed. Replicas of newly started conversations are opened
 * as they appear.
 */
export function startLoad(
	random: Random,
	world: ChaosWorld,
	pauseMs: readonly [number, number],
): { stop(): Promise<void> } {
	let running = true;
	const loops = world.clients.map(async (client: ChaosClient) => {
		const own = random.fork();
		let step = 0;
		while (running) {
			const command = world.randomCommand(own, client);
			if (command) client.send(command);
			if (step++ % 20 === 0) world.openReplicas(client);
			await sleep(own.int(pauseMs[0], pauseMs[1]));
		}
	});
	return {
		async stop() {
			running = false;
			await Promise.all(loops);
		},
	};
}

/** Total commands applied so far, over every client. */
export function appliedCount(world: ChaosWorld): number {
	return world.clients.reduce((sum, client) => sum + client.applied.size, 0);
}

/** Pino lines at level error or fatal in the server's output (a crash-free run has none). */
export function serverErrors(server: ChaosServer): string[] {
	return server
		.log()
		.split("\n")
		.filter((line) => /"level":(50|60)/.test(line));
}

/** On failure, prints the end of the server's log and where each client's outbox stands. */
export function reportOnFailure(server: ChaosServer, world: () => ChaosWorld | null): void {
	onTestFailed(() => {
		console.error(`[chaos] server log (last 6000 chars):\n${server.log().slice(-6000)}`);
		for (const client of world()?.clients ?? []) {
			console.error(
				`[chaos] ${client.label}: sent ${client.sent.size}, applied ${client.applied.size}, ` +
					`pending ${client.pending().length}, outbox ${JSON.stringify(client.outboxSize())}, ` +
					`offline ${client.isOffline}, socket ${client.client.socket.status}, ` +
					`auth failures ${JSON.stringify(client.client.authFailures.slice(-5))}, ` +
					`closes ${JSON.stringify(client.client.closeEvents.slice(-5))}, ` +
					`retryable refusals ${client.retryableRejections}`,
			);
		}
	});
}
