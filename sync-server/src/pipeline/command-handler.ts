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
	/** Visitors the command reads or changes besides the issuing one (e.g. the one it blocks). */
	visitorIds?: string[];
	/** Uploads the command's attachments reference (visitors' only: checked against them). */
	uploadIds?: string[];
	/** A conversation this command creates, with its owner (documents to preload). */
	creates?: { id: string; visitorId: string; websiteId: string };
	/**
	 * Loads what only this command type needs (e.g. a contact's devices for support state), in
	 * the batch's transaction after the shared preload and before any handler runs.
	 */
	load?: (ctx: BatchContext) => Promise<void>;
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

/** Every command type's handler; the server passes the registry in (see `commands/handlers/`). */
export type CommandHandlers = { readonly [T in CommandType]: CommandHandler<T> };
