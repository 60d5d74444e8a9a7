import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { mutate, randomJson, randomString, wellFormed } from "./json-gen.ts";
import type { Random } from "./random.ts";

/** Hocuspocus message types (client → server and back). */
const MessageType = {
	Sync: 0,
	Awareness: 1,
	Auth: 2,
	QueryAwareness: 3,
	Stateless: 5,
	Close: 7,
	SyncStatus: 8,
};

/** What a fuzzed socket session knows: real names, tokens and keys to build valid frames from. */
export interface WsFuzzContext {
	publicKeys: { valid: string; other: string };
	origin: string;
	tokens: { visitor: string; agent: string };
	docs: {
		outbox: string;
		visitor: string;
		conversation: string;
		conversationPrivate: string;
		inbox: string;
		foreign: string[];
	};
	conversationId: string;
}

/** One socket: how it connects and the frames it sends (each frame is one fuzz iteration). */
export interface WsSession {
	publicKey: string | undefined;
	origin: string | undefined;
	frames: Array<Uint8Array | string>;
}

function frame(docName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, docName);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

const authFrame = (doc: string, token: string) =>
	frame(doc, (e) => {
		encoding.writeVarUint(e, MessageType.Auth);
		encoding.writeVarUint(e, 0);
		encoding.writeVarString(e, token);
	});

const syncFrame = (doc: string, step: 0 | 1 | 2, payload: Uint8Array) =>
	frame(doc, (e) => {
		encoding.writeVarUint(e, MessageType.Sync);
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
	});

/** Stands in for a `constructor` key, which Yjs refuses to insert (it reads `value.constructor`). */
const CONSTRUCTOR_STAND_IN = "constructoR";

/**
 * An outbox update that appends `commands` (what a widget writes when the user acts). Keys named
 * `constructor` are inserted under a stand-in of the same length and patched back in the bytes:
 * a hostile client writes the encoding directly, whatever Yjs' own API allows.
 */
function outboxUpdate(random: Random, commands: unknown[]): Uint8Array {
	const doc = new Y.Doc();
	// A seeded client id: the same seed yields the same bytes.
	doc.clientID = random.int(1, 2 ** 31);
	doc.getArray("commands").push(commands.map(renameConstructor));
	const bytes = Buffer.from(Y.encodeStateAsUpdate(doc));
	for (
		let at = bytes.indexOf(CONSTRUCTOR_STAND_IN);
		at >= 0;
		at = bytes.indexOf(CONSTRUCTOR_STAND_IN, at + 1)
	) {
		bytes.write("constructor", at);
	}
	return new Uint8Array(bytes);
}

function renameConstructor(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(renameConstructor);
	if (value === null || typeof value !== "object") return value;
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		Object.defineProperty(out, key === "constructor" ? CONSTRUCTOR_STAND_IN : key, {
			value: renameConstructor(field),
			enumerable: true,
			configurable: true,
			writable: true,
		});
	}
	return out;
}

function awarenessFrame(random: Random, doc: string): Uint8Array {
	const state = JSON.stringify(
		random.chance(0.5)
			? { user: { name: "Agent Smith", kind: "user" }, typing: true }
			: randomJson(random, 2),
	);
	return frame(doc, (e) => {
		encoding.writeVarUint(e, MessageType.Awareness);
		const inner = encoding.createEncoder();
		encoding.writeVarUint(inner, 1);
		encoding.writeVarUint(inner, random.int(0, 2 ** 31));
		encoding.writeVarUint(inner, random.int(0, 1000));
		encoding.writeVarString(inner, state ?? "null");
		encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
	});
}

/**
 * An awareness frame a provider would never send: a state count far above what follows (or above
 * the server's cap), truncated or non-JSON states, huge clocks and client ids, null states
 * (removals) and states for ids other clients own.
 */
function hostileAwarenessFrame(random: Random, doc: string): Uint8Array {
	const inner = encoding.createEncoder();
	const count = random.weighted<() => number>([
		[3, () => random.int(0, 20)],
		[1, () => random.int(17, 100_000)],
		[1, () => 2 ** 31 + random.int(0, 1000)],
	])();
	encoding.writeVarUint(inner, count);
	const written = Math.min(count, random.int(0, 24));
	for (let i = 0; i < written; i += 1) {
		encoding.writeVarUint(inner, random.pick([0, 1, random.int(0, 2 ** 31), 2 ** 53 - 1]));
		encoding.writeVarUint(inner, random.pick([0, 1, random.int(0, 1e9), 2 ** 53 - 1]));
		encoding.writeVarString(
			inner,
			random.weighted<() => string>([
				[3, () => JSON.stringify(randomJson(random, 3)) ?? "null"],
				[2, () => "null"],
				[1, () => randomString(random, 40)],
				[1, () => `{"typing":{"principal":"user:x","at":${random.int(0, 2 ** 31)}}}`],
				[1, () => `{"typing":${"[".repeat(200)}${"]".repeat(200)}}`],
			])(),
		);
	}
	const states = encoding.toUint8Array(inner);
	const cut = random.chance(0.2) ? states.slice(0, random.int(0, states.length)) : states;
	return frame(doc, (e) => {
		encoding.writeVarUint(e, MessageType.Awareness);
		encoding.writeVarUint8Array(e, cut);
	});
}

/** Outbox entries without a usable id: nulls, scalars, arrays, ids of the wrong type or length. */
function malformedEntries(random: Random): unknown[] {
	const entry = () =>
		random.weighted<() => unknown>([
			[3, () => null],
			[1, () => random.int(-1e9, 1e9)],
			[1, () => randomString(random, 20)],
			[1, () => [randomJson(random, 2)]],
			[1, () => ({ id: random.pick([null, 42, "", true, { id: "x" }]), type: "message.send" })],
			[1, () => ({ id: "x".repeat(random.int(65, 300)), type: "message.send" })],
		])();
	return Array.from(
		{
			length: random.weighted<() => number>([
				[3, () => random.int(1, 10)],
				[1, () => random.int(500, 5_000)],
			])(),
		},
		entry,
	);
}

/** A document name: real ones, other principals', malformed and hostile ones. */
function docName(random: Random, ctx: WsFuzzContext): string {
	return random.weighted<() => string>([
		[4, () => random.pick([ctx.docs.outbox, ctx.docs.visitor, ctx.docs.conversation])],
		[2, () => random.pick([ctx.docs.conversationPrivate, ctx.docs.inbox, ...ctx.docs.foreign])],
		[1, () => `conv/${random.int(0, 1e9).toString(36)}abcdefgh`],
		[
			1,
			() =>
				random.pick([
					"outbox/user:x",
					"outbox/backend:x",
					"visitor/",
					"conv//private",
					"inbox/*",
					"a".repeat(300),
				]),
		],
		[1, () => randomString(random, 80) || "x"],
	])();
}

/** A command for the outbox: a valid one, a mutated one, or noise. */
function command(random: Random, ctx: WsFuzzContext): unknown {
	const valid = {
		id: `cmd-${random.int(0, 1e9)}-fuzz`,
		type: random.pick([
			"message.send",
			"conversation.markSeen",
			"note.add",
			"conversation.setStatus",
		]),
		conversationId: ctx.conversationId,
		itemId: `item-${random.int(0, 1e9)}-fuzz`,
		parts: [{ type: "text", text: "fuzzed hello" }],
		status: "resolved",
	};
	return random.weighted<() => unknown>([
		[2, () => valid],
		[3, () => mutate(random, valid)],
		[1, () => randomJson(random, 3)],
	])();
}

/** A frame derived from a valid one by flipping, cutting, inserting or repeating bytes. */
function mutateBytes(random: Random, bytes: Uint8Array): Uint8Array {
	const out = [...bytes];
	for (let i = random.int(1, 4); i > 0; i -= 1) {
		const at = random.int(0, Math.max(0, out.length - 1));
		random.weighted<() => void>([
			[
				3,
				() => {
					out[at] = (out[at] ?? 0) ^ (1 << random.int(0, 7));
				},
			],
			[
				2,
				() => {
					out.length = at;
				},
			],
			[
				2,
				() => {
					out.splice(at, 0, ...random.bytes(random.int(1, 16)));
				},
			],
			[
				1,
				() => {
					out[at] = random.pick([0x00, 0x7f, 0x80, 0xff]);
				},
			],
			[
				1,
				() => {
					out.splice(at, 0, ...out.slice(at, at + random.int(1, 64)));
				},
			],
		])();
	}
	return new Uint8Array(out);
}

/** Generates one socket session with up to `maxFrames` frames. */
export function wsSession(random: Random, ctx: WsFuzzContext, maxFrames: number): WsSession {
	const connect = random.weighted<() => Pick<WsSession, "publicKey" | "origin">>([
		[6, () => ({ publicKey: ctx.publicKeys.valid, origin: ctx.origin })],
		[3, () => ({ publicKey: undefined, origin: undefined })],
		[1, () => ({ publicKey: ctx.publicKeys.other, origin: "https://evil.example" })],
		[1, () => ({ publicKey: wellFormed(randomString(random, 60)), origin: undefined })],
	])();
	const token = random.weighted<() => string>([
		[5, () => (connect.publicKey ? ctx.tokens.visitor : ctx.tokens.agent)],
		[2, () => random.pick([ctx.tokens.visitor, ctx.tokens.agent])],
		[1, () => randomString(random, 200)],
		[1, () => ""],
	])();
	const frames: Array<Uint8Array | string> = [];
	const count = random.int(1, maxFrames);
	while (frames.length < count) {
		const doc = docName(random, ctx);
		const valid = (): Uint8Array =>
			random.weighted<() => Uint8Array>([
				[3, () => authFrame(doc, token)],
				[2, () => syncFrame(doc, 0, Y.encodeStateVector(new Y.Doc()))],
				[3, () => syncFrame(ctx.docs.outbox, 2, outboxUpdate(random, [command(random, ctx)]))],
				[1, () => syncFrame(doc, 1, outboxUpdate(random, [randomJson(random, 2)]))],
				[1, () => awarenessFrame(random, doc)],
				[1, () => hostileAwarenessFrame(random, random.pick([doc, ctx.docs.conversation]))],
				[1, () => syncFrame(ctx.docs.outbox, 2, outboxUpdate(random, malformedEntries(random)))],
				[
					1,
					() =>
						frame(doc, (e) =>
							encoding.writeVarUint(
								e,
								random.pick([
									MessageType.QueryAwareness,
									MessageType.Close,
									MessageType.SyncStatus,
								]),
							),
						),
				],
				[
					1,
					() =>
						frame(doc, (e) => {
							encoding.writeVarUint(e, MessageType.Stateless);
							encoding.writeVarString(e, randomString(random, 200));
						}),
				],
			])();
		frames.push(
			random.weighted<() => Uint8Array | string>([
				[4, valid],
				[2, () => authFrame(ctx.docs.outbox, token)],
				[3, () => mutateBytes(random, valid())],
				[2, () => random.bytes(random.int(0, 512))],
				[1, () => randomString(random, 100)],
			])(),
		);
	}
	return { ...connect, frames };
}
