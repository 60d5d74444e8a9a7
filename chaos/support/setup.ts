import { DocumentNames } from "@cossistant/types";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { ChaosClient } from "./chaos-client.ts";
import type { Cleanups } from "./chaos-run.ts";
import type { ChaosServer, Participant } from "./chaos-server.ts";
import { ChaosWorld } from "./chaos-world.ts";

export interface ChaosCast {
	world: ChaosWorld;
	/** An agent that connects only at the end, to load every document fresh from the server. */
	observer: Participant;
	/** Connects a client for `participant` (destroyed by `cleanups`). */
	connect(participant: Participant): ChaosClient;
}

/**
 * The people of a chaos run on the demo website: `visitors` bootstrapped visitors (each with
 * one conversation started and synced), the demo admin plus `agents - 1` agents created
 * through REST (following the inbox and every conversation with its notes), and an observer.
 */
export async function castChaosWorld(
	server: ChaosServer,
	cleanups: Cleanups,
	counts: { visitors: number; agents: number },
): Promise<ChaosCast> {
	const connect = (participant: Participant) => {
		const client = new ChaosClient(participant, server.wsUrl);
		cleanups.add(() => client.destroy());
		return client;
	};
	const websiteId = await server.websiteId();
	const admin = await server.admin("agent-0");
	const agents = [admin];
	for (let i = 1; i < counts.agents; i++)
		agents.push(await server.agent(`agent-${i}`, admin, websiteId));
	const observer = await server.agent("observer", admin, websiteId);
	const visitors: Participant[] = [];
	for (let i = 0; i < counts.visitors; i++) visitors.push(await server.visitor(`visitor-${i}`));

	const world = new ChaosWorld(
		visitors.map(connect),
		agents.map(connect),
		DocumentNames.inbox(websiteId),
	);
	for (const visitor of world.visitors) world.startConversation(visitor);
	await eventually(
		() => {
			if (world.started().length < world.visitors.length) throw new Error("starts not applied");
		},
		{ timeoutMs: 30_000, message: "first conversations" },
	);
	for (const client of world.clients) world.openReplicas(client);
	return { world, observer, connect };
}
