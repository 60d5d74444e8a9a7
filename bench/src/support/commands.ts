import type { SyncServer } from "@cossistant/sync-server";
import type { CommandResult } from "@cossistant/types";
import type { Principal } from "./bench-server.ts";
import { uuidv7 } from "./ids.ts";

/** Throws unless the pipeline applied the command. */
export function expectApplied(result: CommandResult, what: string): void {
	if (result.status !== "applied") {
		throw new Error(`${what} was rejected: ${result.code}: ${result.reason}`);
	}
}

/** Starts an empty conversation owned by `visitor`; returns its id. */
export async function startConversation(server: SyncServer, visitor: Principal): Promise<string> {
	const conversationId = uuidv7();
	const result = await server.pipeline.submit(visitor, {
		id: uuidv7(),
		type: "conversation.start",
		conversationId,
	});
	expectApplied(result, "conversation.start");
	return conversationId;
}

/** Submits one `message.send` and resolves with its result once durable. */
export function sendMessage(
	server: SyncServer,
	visitor: Principal,
	conversationId: string,
	text: string,
): Promise<CommandResult> {
	return server.pipeline.submit(visitor, {
		id: uuidv7(),
		type: "message.send",
		conversationId,
		itemId: uuidv7(),
		parts: [{ type: "text", text }],
	});
}

/**
 * Appends `count` messages to each conversation, all submitted at once so the pipeline
 * group-commits them in batches; resolves when every one is applied.
 */
export async function fillConversations(
	server: SyncServer,
	visitor: Principal,
	conversationIds: readonly string[],
	count: number,
): Promise<void> {
	const pending: Array<Promise<CommandResult>> = [];
	for (let i = 0; i < count; i++) {
		for (const id of conversationIds)
			pending.push(sendMessage(server, visitor, id, `fill message ${i + 1}`));
	}
	for (const result of await Promise.all(pending)) expectApplied(result, "message.send (fill)");
}
