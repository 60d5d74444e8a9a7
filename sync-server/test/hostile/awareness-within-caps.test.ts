// The awareness flood without the giant frame: a visitor stays under the per-frame caps
// (AWARENESS_MAX_STATES, AWARENESS_MAX_BYTES) and instead sends many small frames, each naming
// fresh client ids, as fast as it can. Before the caps on ids per connection and on frames per
// second, every invented client reached every peer and every frame was decoded and relayed.
// Real server, raw frames, a real agent watching the conversation.

import { DocumentNames } from "@cossistant/types";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { type AwarenessEntry, awarenessFrame } from "../support/awareness-frames.ts";
import { eventually } from "../support/eventually.ts";
import { ServerFixture } from "../support/server-fixture.ts";
import { testDatabaseTargets } from "../support/test-database.ts";

const MAX_STATES = 16;
const CLIENTS_PER_CONNECTION = 4;
const FRAMES_PER_SECOND = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabaseTargets())("awareness within the frame caps on $name", (target) => {
	const fixture = ServerFixture.use(target, {
		WS_UPGRADE_RATE_LIMIT: "0",
		AWARENESS_MAX_STATES: String(MAX_STATES),
		AWARENESS_CLIENTS_PER_CONNECTION: String(CLIENTS_PER_CONNECTION),
		AWARENESS_RATE_LIMIT: String(FRAMES_PER_SECOND),
	});

	/**
	 * A visitor's conversation with an agent watching it, and a raw socket of the visitor on it;
	 * `typing(at)` is a state the visitor may legitimately write.
	 */
	async function attackerWatchedByAgent() {
		const { client: visitor, token, visitorId } = await fixture.visitorClient();
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({ id: start, type: "conversation.start", conversationId });
		expect(await visitor.result(start)).toMatchObject({ status: "applied" });
		const docName = DocumentNames.conversation(conversationId);

		const { client: agent } = await fixture.agentClient();
		const watching = await agent.openSynced(docName);

		const raw = fixture.rawSocket({ publicKey: fixture.demoKey });
		await raw.opened;
		raw.authenticate(docName, token);
		const typing = (at: number) => ({ typing: { principal: `visitor:${visitorId}`, at } });
		const send = (entries: AwarenessEntry[]) => raw.ws.send(awarenessFrame(docName, entries));
		return { docName, watching, raw, typing, send };
	}

	/** Client ids the agent's replica holds, other than its own. */
	const foreignIds = (provider: HocuspocusProvider) =>
		[...(provider.awareness?.getStates().keys() ?? [])].filter(
			(id) => id !== provider.document.clientID,
		);

	it("keeps only a few client ids per connection, frames within the state cap included", async () => {
		const { docName, watching, raw, typing, send } = await attackerWatchedByAgent();
		// Five frames of 16 fresh ids each (80 invented clients), paced under the frame rate.
		for (let frame = 0; frame < 5; frame += 1) {
			const base = 1_000 + frame * MAX_STATES;
			send(
				Array.from({ length: MAX_STATES }, (_, i) => ({
					clientId: base + i,
					clock: 1,
					state: typing(Date.now()),
				})),
			);
			await sleep(1_000 / FRAMES_PER_SECOND + 20);
		}
		// A marker from an id the connection owns: once it arrives, every frame before it was handled.
		const markerAt = Date.now() + 1;
		send([{ clientId: 1_000, clock: 2, state: typing(markerAt) }]);
		await eventually(() =>
			expect(watching.awareness?.getStates().get(1_000)).toEqual(typing(markerAt)),
		);
		expect(foreignIds(watching).length).toBeLessThanOrEqual(CLIENTS_PER_CONNECTION);

		// An agent opening the conversation now receives no more than those either.
		const { client: later } = await fixture.agentClient();
		const laterProvider = await later.openSynced(docName);
		await eventually(() => expect(laterProvider.awareness?.getStates().has(1_000)).toBe(true));
		expect(foreignIds(laterProvider).length).toBeLessThanOrEqual(CLIENTS_PER_CONNECTION + 1);
		// Extra ids are dropped, not punished: a provider may know a few stale ids of its own.
		expect(raw.ws.readyState).toBe(raw.ws.OPEN);
	});

	it("handles at most the socket's frame rate; the rest is dropped, the socket stays open", async () => {
		const { docName, watching, raw, typing, send } = await attackerWatchedByAgent();
		const clientId = 7_777;
		// Counted where the work is done: each frame the server decodes and applies updates the
		// document's awareness once (its broadcasts to peers are coalesced, so they are no measure).
		const document = fixture.server.hocuspocus.documents.get(docName);
		if (!document) throw new Error(`${docName} not loaded`);
		let applied = 0;
		const count = ({ added, updated }: { added: number[]; updated: number[] }) => {
			if (added.includes(clientId) || updated.includes(clientId)) applied += 1;
		};
		document.awareness.on("update", count);
		const burst = 200;
		const started = Date.now();
		for (let clock = 1; clock <= burst; clock += 1) {
			send([{ clientId, clock, state: typing(started + clock) }]);
		}
		const sentIn = Date.now() - started;
		// After a pause the bucket is full again: a marker frame passes and closes the count.
		await sleep(1_500);
		const markerAt = started + burst + 1;
		send([{ clientId, clock: burst + 1, state: typing(markerAt) }]);
		await eventually(() =>
			expect(watching.awareness?.getStates().get(clientId)).toEqual(typing(markerAt)),
		);
		document.awareness.off("update", count);
		// The burst allowance, the marker, and what refills while a loaded machine reads the burst:
		// far below the 200 frames (every one of them was handled before the rate cap).
		const allowed = 4 * FRAMES_PER_SECOND;
		console.log(
			`awareness burst on ${target.name}: ${burst} frames sent in ${sentIn} ms, ${applied} ` +
				`handled by the server (at most ${allowed} allowed)`,
		);
		expect(applied).toBeLessThanOrEqual(allowed);
		expect(raw.ws.readyState).toBe(raw.ws.OPEN);
	});
});
