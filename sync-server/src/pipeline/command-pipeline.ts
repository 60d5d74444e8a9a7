import { type Command, type CommandResult, commandSchema, LIMITS } from "@cossistant/types";
import * as v from "valibot";
import { type Principal, principalKey } from "../auth/principal.ts";
import type { ShadowDocs } from "../documents/shadow-docs.ts";
import { isRetryableDatabaseError, isUniqueViolation } from "../errors/retryable-errors.ts";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGES } from "../errors/unstorable-text.ts";
import { validationDetails } from "../errors/validation-issues.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import type { DocStore } from "../persistence/doc-store.ts";
import { BatchContext, type CommittedEffect } from "./batch-context.ts";
import type { KnownCommand } from "./batch-facts.ts";
import type { LedgerRow } from "./batched-row-writes.ts";
import type { CommandHandler, CommandHandlers } from "./command-handler.ts";
import { CommandRejection } from "./command-rejection.ts";
import { conversationDocNames } from "./conversation-rows.ts";

/** Receives every committed document update, to apply it to live replicas (broadcast). */
export type CommitListener = (docName: string, update: Uint8Array) => void;

interface Submission {
	/** Times this command's transaction lost a uniqueness race with another process. */
	races: number;
	principal: Principal;
	command: Command;
	resolve: (result: CommandResult) => void;
}

export interface CommandPipelineOptions {
	/** Every command type's logic: the engine knows none itself. */
	handlers: CommandHandlers;
	db: Database;
	store: DocStore;
	shadows: ShadowDocs;
	logger: Logger;
	batchSize: number;
	onCommit: CommitListener;
	/** Other processes write the same documents (REDIS_URL set): replicas catch up under locks. */
	multiProcess?: boolean;
	/** Receives the effects of every committed batch (e.g. close a blocked visitor's sockets). */
	onEffect?: (effect: CommittedEffect) => void;
}

/**
 * The single write path (docs/architecture.md, "One write path: the command pipeline").
 *
 * `submit` validates and authorises by kind synchronously; accepted commands are queued and
 * processed in batches (group commit): one database transaction per batch holds the ledger
 * rows, the flattened rows and the Yjs updates. Only after it commits are the updates applied
 * to live documents and the results returned. A failed batch is retried command by command so
 * one bad command cannot sink its neighbours; database outages keep commands queued.
 */
export class CommandPipeline {
	private queue: Submission[] = [];
	private running: Promise<void> | null = null;
	private stopped = false;
	private retryDelayMs = 0;
	private readonly inFlight = new Map<string, Promise<CommandResult>>();

	constructor(private readonly options: CommandPipelineOptions) {}

	/**
	 * Submits an untrusted command from `principal`. Resolves with the result once it is
	 * durable (applied) or refused (rejected); never rejects.
	 */
	submit(principal: Principal, raw: unknown): Promise<CommandResult> {
		const early = this.precheck(principal, raw);
		if ("status" in early) return Promise.resolve(early);
		const { command } = early;
		// The same id submitted again while in flight (e.g. a client resync) shares its result.
		const key = `${principalKey(principal)}\u0000${command.id}`;
		const pending = this.inFlight.get(key);
		if (pending) return pending;
		const promise = new Promise<CommandResult>((resolve) => {
			this.queue.push({ races: 0, principal, command, resolve });
		}).finally(() => this.inFlight.delete(key));
		this.inFlight.set(key, promise);
		this.kick();
		return promise;
	}

	/** Commands accepted but not yet durable. */
	get pendingCount(): number {
		return this.queue.length + (this.running ? 1 : 0);
	}

	/** Processes everything queued, then refuses new work. Resolves when idle. */
	async drain(): Promise<void> {
		while (this.running || this.queue.length > 0) {
			this.kick();
			await this.running;
		}
	}

	async stop(): Promise<void> {
		await this.drain();
		this.stopped = true;
	}

	private precheck(principal: Principal, raw: unknown): CommandResult | { command: Command } {
		const at = Date.now();
		if (this.stopped) {
			return {
				status: "rejected",
				at,
				code: "internal_error",
				reason: "The server is shutting down.",
				retryable: true,
			};
		}
		if (Buffer.byteLength(JSON.stringify(raw ?? null)) > LIMITS.maxCommandBytes) {
			return {
				status: "rejected",
				at,
				code: "command_too_large",
				reason: `A command may not exceed ${LIMITS.maxCommandBytes} bytes.`,
				retryable: false,
			};
		}
		const unstorable = findUnstorableText(raw);
		if (unstorable) {
			return {
				status: "rejected",
				at,
				code: "invalid_command",
				reason: UNSTORABLE_TEXT_MESSAGES[unstorable],
				retryable: false,
			};
		}
		const parsed = v.safeParse(commandSchema, raw);
		if (!parsed.success) {
			const type = (raw as { type?: unknown } | null)?.type;
			const unknownType = typeof type !== "string" || !Object.hasOwn(this.options.handlers, type);
			return {
				status: "rejected",
				at,
				code: unknownType ? "unknown_command" : "invalid_command",
				reason: unknownType
					? `Unknown command type ${JSON.stringify(type ?? null)}.`
					: validationDetails(parsed.issues)
							.map((d) => `${d.path || "command"}: ${d.message}`)
							.join("; "),
				retryable: false,
			};
		}
		const handler = this.options.handlers[parsed.output.type] as CommandHandler<Command["type"]>;
		if (!handler.allowed.includes(principal.kind)) {
			return {
				status: "rejected",
				at,
				code: "forbidden",
				reason: `A ${principal.kind} may not issue ${parsed.output.type}.`,
				retryable: false,
			};
		}
		return { command: parsed.output };
	}

	private kick(): void {
		if (this.running || this.queue.length === 0) return;
		this.running = this.loop().finally(() => {
			this.running = null;
			if (this.queue.length > 0) this.kick();
		});
	}

	private async loop(): Promise<void> {
		while (this.queue.length > 0) {
			if (this.retryDelayMs > 0) await new Promise((r) => setTimeout(r, this.retryDelayMs));
			const batch = this.queue.splice(0, this.options.batchSize);
			const done = await this.processWithIsolation(batch);
			if (!done) {
				// Database unavailable: keep the commands, in order, and back off.
				this.queue.unshift(...batch);
				this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, 50), 2_000);
				if (this.stopped) return;
			} else {
				this.retryDelayMs = 0;
			}
		}
	}

	/** Runs a batch; on a non-retryable failure retries its commands one by one. */
	private async processWithIsolation(batch: Submission[]): Promise<boolean> {
		try {
			await this.processBatch(batch);
			return true;
		} catch (error) {
			if (isRetryableDatabaseError(error)) {
				this.options.logger.warn({ err: error }, "database unavailable; commands stay queued");
				return false;
			}
			if (batch.length === 1) {
				const [only] = batch as [Submission];
				if (isUniqueViolation(error) && only.races < 5) {
					// Another process committed the same command or item id first: run it again,
					// and the ledger / id check now answers deterministically.
					only.races += 1;
					return this.processWithIsolation(batch);
				}
				this.options.logger.error({ err: error, commandId: only.command.id }, "command failed");
				only.resolve({
					status: "rejected",
					at: Date.now(),
					code: "internal_error",
					reason: "The server could not apply this command.",
					retryable: true,
				});
				return true;
			}
			for (const submission of batch) {
				if (!(await this.processWithIsolation([submission]))) {
					// Outage in the middle: requeue what is left (the caller requeues `batch`).
					const rest = batch.slice(batch.indexOf(submission) + 1);
					this.queue.unshift(submission, ...rest);
					return true;
				}
			}
			return true;
		}
	}

	private async processBatch(batch: Submission[]): Promise<void> {
		const { db, store, shadows, onCommit } = this.options;
		const results = new Map<Submission, CommandResult>();
		let ctx: BatchContext | null = null;
		let committed: Map<string, Uint8Array>;
		let effects: readonly CommittedEffect[] = [];
		try {
			committed = await db.prisma.$transaction(
				async (tx) => {
					ctx = new BatchContext(
						tx,
						shadows,
						new Date(),
						this.options.multiProcess ? { store } : undefined,
					);
					const known = await this.preload(ctx, batch);
					const ledgerRows: LedgerRow[] = [];
					const ledger = new Map(known.map((row) => [row.id, row]));
					for (const submission of batch) {
						const { command, principal } = submission;
						const previous = ledger.get(command.id);
						if (previous && previous.principal !== principalKey(principal)) {
							// Someone else's command id: neither apply it nor reveal that command's outcome.
							results.set(submission, {
								status: "rejected",
								at: Date.now(),
								code: "conflict",
								reason: "This command id is already used; generate a new one.",
								retryable: false,
							});
							continue;
						}
						if (previous) {
							results.set(submission, ledgerResult(previous));
							continue;
						}
						const result = await this.apply(ctx, submission);
						results.set(submission, result);
						if (result.status === "rejected" && result.retryable) continue;
						const row = {
							id: command.id,
							principal: principalKey(principal),
							type: command.type,
							status: result.status,
							code: result.status === "rejected" ? result.code : null,
							reason: result.status === "rejected" ? result.reason : null,
						};
						ledgerRows.push(row);
						ledger.set(command.id, { ...row, createdAt: ctx.now });
					}
					effects = ctx.committedEffects();
					const updates = await ctx.flush(ledgerRows);
					return updates;
				},
				{ timeout: 30_000, maxWait: 30_000 },
			);
		} catch (error) {
			// The replicas may hold updates the database lacks: drop them, reload on next use.
			const failed = ctx as BatchContext | null;
			if (failed) {
				failed.dispose();
				for (const name of failed.touchedDocs()) shadows.evict(name);
			}
			throw error;
		}
		store.noteCommitted(committed);
		shadows.trim();
		for (const [docName, update] of committed) onCommit(docName, update);
		for (const effect of effects) this.runEffect(effect);
		for (const [submission, result] of results) submission.resolve(result);
	}

	private runEffect(effect: CommittedEffect): void {
		try {
			this.options.onEffect?.(effect);
		} catch (error) {
			// The batch is committed: a failing side effect must not turn it into a failure.
			this.options.logger.error({ err: error, effect }, "post-commit effect failed");
		}
	}

	private async apply(ctx: BatchContext, submission: Submission): Promise<CommandResult> {
		const handler = this.options.handlers[submission.command.type] as CommandHandler<
			Command["type"]
		>;
		try {
			await handler.handle(ctx, submission.command, submission.principal);
			return { status: "applied", at: Date.now() };
		} catch (error) {
			if (!(error instanceof CommandRejection)) throw error;
			return {
				status: "rejected",
				at: Date.now(),
				code: error.code,
				reason: error.message,
				retryable: error.retryable,
			};
		}
	}

	/** Loads every row and replica the batch's handlers will touch, in few queries. */
	private async preload(ctx: BatchContext, batch: Submission[]): Promise<KnownCommand[]> {
		const conversationIds = new Set<string>();
		const itemIds: string[] = [];
		const visitorIds = new Set<string>();
		const uploadIds = new Set<string>();
		const needsByCommand = batch.map((s) => {
			const handler = this.options.handlers[s.command.type] as CommandHandler<Command["type"]>;
			const needs = handler.needs(s.command, s.principal);
			for (const id of needs.conversationIds) conversationIds.add(id);
			itemIds.push(...needs.itemIds);
			if (s.principal.kind === "visitor") visitorIds.add(s.principal.visitorId);
			for (const id of needs.visitorIds ?? []) visitorIds.add(id);
			for (const id of needs.uploadIds ?? []) uploadIds.add(id);
			return needs;
		});
		await ctx.conversations.load([...conversationIds]);
		const known = await ctx.loadFacts({
			itemIds,
			visitorIds: [...visitorIds],
			uploadIds: [...uploadIds],
			commandIds: batch.map((s) => s.command.id),
		});
		const contactIds = [...visitorIds].flatMap((id) => ctx.contacts.visitor(id)?.contactId ?? []);
		const docNames = new Set<string>();
		for (const needs of needsByCommand) {
			for (const id of needs.conversationIds) {
				const existing = ctx.conversations.get(id);
				const owner = existing ?? (needs.creates?.id === id ? needs.creates : undefined);
				if (!owner) continue;
				for (const name of conversationDocNames(owner, needs.privateDoc)) docNames.add(name);
			}
		}
		await ctx.documents.load([...docNames]);
		// Every device of a conversation's contact lists its summary (cross-device history); the
		// issuing visitors' contacts too, for the conversations they start.
		const audience = new Set(contactIds);
		for (const id of conversationIds) {
			const contactId = ctx.conversations.get(id)?.contactId;
			if (contactId) audience.add(contactId);
		}
		await ctx.contacts.loadDevices([...audience]);
		// Handler-specific rows (contacts, organizations, support state) after the shared ones.
		for (const needs of needsByCommand) await needs.load?.(ctx);
		return known;
	}
}

function ledgerResult(row: {
	status: string;
	code: string | null;
	reason: string | null;
	createdAt: Date;
}): CommandResult {
	if (row.status === "applied") return { status: "applied", at: row.createdAt.getTime() };
	return {
		status: "rejected",
		at: row.createdAt.getTime(),
		code: (row.code ?? "internal_error") as Extract<CommandResult, { status: "rejected" }>["code"],
		reason: row.reason ?? "Rejected.",
		retryable: false,
	};
}
