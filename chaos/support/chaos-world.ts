import { DocumentNames } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { Random } from "../../sync-server/test/support/fuzz/random.ts";
import type { ChaosClient, ChaosCommand } from "./chaos-client.ts";

/** A conversation a visitor started, and the command that started it. */
export interface ChaosConversation {
	id: string;
	visitor: ChaosClient;
	startId: string;
}

const TAGS = ["billing", "bug", "vip", "refund", "urgent-ish", "feedback"] as const;
const STATUSES = ["open", "resolved"] as const;
const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

/** What one random step of a client does. */
export type ClientOperation = "command" | "typing";

/**
 * The shared state of a chaos run: visitors, agents and the conversations visitors started,
 * plus a seeded generator of valid operations. Every command it makes is one the server must
 * apply (valid, authorised, on a conversation whose start was applied), so any refusal or
 * loss at the end is the server's fault, whatever the faults injected meanwhile.
 */
export class ChaosWorld {
	readonly conversations: ChaosConversation[] = [];
	private texts = 0;

	constructor(
		readonly visitors: readonly ChaosClient[],
		readonly agents: readonly ChaosClient[],
		/** `inbox/<websiteId>` every agent follows. */
		readonly inboxDoc: string,
	) {}

	get clients(): ChaosClient[] {
		return [...this.visitors, ...this.agents];
	}

	/** A visitor starts a conversation with a first message (sent now). */
	startConversation(visitor: ChaosClient): ChaosConversation {
		visitor.send(this.newStart(visitor));
		return this.conversations.at(-1) as ChaosConversation;
	}

	/** Conversations whose start the server applied (commands on others could be `not_found`). */
	started(visitor?: ChaosClient): ChaosConversation[] {
		return this.conversations.filter(
			(c) => c.visitor.applied.has(c.startId) && (!visitor || c.visitor === visitor),
		);
	}

	/**
	 * Opens the replicas a client follows: a visitor its visitor document and started
	 * conversations; an agent the inbox and every started conversation with its notes.
	 */
	openReplicas(client: ChaosClient): void {
		const isAgent = this.agents.includes(client);
		if (isAgent) client.open(this.inboxDoc);
		else client.open(DocumentNames.visitor(client.participant.principal.slice("visitor:".length)));
		for (const conversation of this.started(isAgent ? undefined : client)) {
			client.open(DocumentNames.conversation(conversation.id));
			if (isAgent) client.open(DocumentNames.conversationPrivate(conversation.id));
		}
	}

	/** A random valid command of `client`, or `null` when it has nothing to act on yet. */
	randomCommand(random: Random, client: ChaosClient): ChaosCommand | null {
		const isAgent = this.agents.includes(client);
		const own = this.started(isAgent ? undefined : client);
		if (!isAgent && (own.length === 0 || (own.length < 3 && random.chance(0.01)))) {
			return this.startCommand(client);
		}
		const conversation = random.pick(own.length > 0 ? own : this.started());
		if (!conversation) return null;
		const base = { id: uuidv7(), conversationId: conversation.id };
		if (!isAgent) {
			return random.chance(0.85)
				? { ...base, type: "message.send", itemId: uuidv7(), parts: this.parts(client) }
				: { ...base, type: "conversation.markSeen" };
		}
		const type = random.weighted<string>([
			[50, "message.send"],
			[15, "note.add"],
			[8, "conversation.markSeen"],
			[8, "conversation.setStatus"],
			[7, "conversation.setPriority"],
			[6, "conversation.addTag"],
			[6, "conversation.removeTag"],
		]);
		switch (type) {
			case "message.send":
			case "note.add":
				return { ...base, type, itemId: uuidv7(), parts: this.parts(client) };
			case "conversation.setStatus":
				return { ...base, type, status: random.pick(STATUSES) };
			case "conversation.setPriority":
				return { ...base, type, priority: random.pick(PRIORITIES) };
			case "conversation.addTag":
			case "conversation.removeTag":
				return { ...base, type, tag: random.pick(TAGS) };
			default:
				return { ...base, type: "conversation.markSeen" };
		}
	}

	private startCommand(visitor: ChaosClient): ChaosCommand | null {
		// One start in flight at a time per visitor keeps the world small and readable.
		if (this.conversations.some((c) => c.visitor === visitor && !visitor.applied.has(c.startId)))
			return null;
		return this.newStart(visitor);
	}

	/** A `conversation.start` with a first message, recorded as one of the world's conversations. */
	private newStart(visitor: ChaosClient): ChaosCommand {
		const conversation = { id: uuidv7(), visitor, startId: uuidv7() };
		this.conversations.push(conversation);
		return {
			id: conversation.startId,
			type: "conversation.start",
			conversationId: conversation.id,
			initialMessage: { itemId: uuidv7(), parts: this.parts(visitor) },
		};
	}

	private parts(client: ChaosClient) {
		return [{ type: "text", text: this.text(client) }];
	}

	private text(client: ChaosClient): string {
		this.texts += 1;
		return `${client.label} #${this.texts}`;
	}
}
