import type { CommandOf, CommandType } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import type { BatchContext } from "./batch-context.ts";

/** What a handler needs preloaded before it runs (the pipeline loads it for the whole batch). */
export interface HandlerNeeds {
	/** Conversations read or written (rows locked FOR UPDATE). */
	conversationIds: string[];
	/** Timeline item ids the command creates (checked for collisions). */
	itemIds: string[];
	/** Whether the conversation's private document is written. */
	privateDoc: boolean;
	/** A conversation this command creates, with its owner (documents to preload). */
	creates?: { id: string; visitorId: string; websiteId: string };
}

/**
 * One command type's logic. `handle` follows BatchContext's contract: check (throw
 * CommandRejection) first, then write synchronously.
 */
export interface CommandHandler<T extends CommandType> {
	readonly type: T;
	/** Who may issue the command at all (checked before the command is queued). */
	readonly allowed: ReadonlyArray<Principal["kind"]>;
	needs(command: CommandOf<T>, principal: Principal): HandlerNeeds;
	handle(ctx: BatchContext, command: CommandOf<T>, principal: Principal): void | Promise<void>;
}
