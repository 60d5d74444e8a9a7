import { type CommandResult, LIMITS, OUTBOX_KEYS } from "@cossistant/types";
import type * as Y from "yjs";
import { type Principal, principalKey } from "../auth/principal.ts";
import type { LogLimiter } from "../limits/log-limiter.ts";
import type { Logger } from "../logger.ts";
import type { CommandPipeline } from "../pipeline/command-pipeline.ts";

/** Transaction origin of results the server writes into an outbox. */
export const RESULT_ORIGIN = { source: "local", skipStoreHooks: true, outboxResult: true } as const;

/**
 * Watches one outbox document: every command a client appends (and every command present
 * when the client resyncs after a reconnect or a server restart) without a result is
 * submitted to the pipeline; the result is written back under the command's id.
 *
 * Entries without a usable id are skipped. They are counted and reported in one warning per
 * document load at most, itself limited per client by `warnings`: an outbox of 20 000 `null`s
 * (a 20 KB update, replayed on every reconnect) used to write one line each.
 */
export function watchOutbox(
	doc: Y.Doc,
	principal: () => Principal | undefined,
	pipeline: Pick<CommandPipeline, "submit">,
	logger: Logger,
	warnings: LogLimiter,
): () => void {
	const commands = doc.getArray<unknown>(OUTBOX_KEYS.commands);
	const results = doc.getMap<CommandResult>(OUTBOX_KEYS.results);
	const submitted = new Set<string>();
	let destroyed = false;
	let malformedReported = false;

	const writeResult = (id: string, result: CommandResult) => {
		if (destroyed) return;
		doc.transact(() => results.set(id, result), RESULT_ORIGIN);
	};

	const consider = (entries: readonly unknown[]) => {
		const who = principal();
		if (!who) return;
		let malformed = 0;
		for (const entry of entries) {
			const id = (entry as { id?: unknown } | null)?.id;
			if (typeof id !== "string" || id.length === 0 || id.length > 64) {
				malformed += 1;
				continue;
			}
			if (results.has(id) || submitted.has(id)) continue;
			if (commands.length > LIMITS.maxOutboxCommands) {
				// Not marked submitted: the refusal is retryable, so the same id sent again after
				// the client prunes its outbox must be considered again.
				writeResult(id, {
					status: "rejected",
					at: Date.now(),
					code: "outbox_full",
					reason: `An outbox holds at most ${LIMITS.maxOutboxCommands} commands; remove acknowledged ones.`,
					retryable: true,
				});
				continue;
			}
			submitted.add(id);
			void pipeline.submit(who, entry).then((result) => {
				submitted.delete(id);
				writeResult(id, result);
			});
		}
		if (malformed > 0 && !malformedReported) {
			malformedReported = true;
			warnings.warn(
				logger,
				principalKey(who),
				{ doc: (doc as { name?: string }).name, malformed },
				"outbox entries without a usable id ignored",
			);
		}
	};

	const observer = (event: Y.YArrayEvent<unknown>) => {
		const added: unknown[] = [];
		for (const item of event.changes.added) added.push(...item.content.getContent());
		consider(added);
	};
	commands.observe(observer);
	consider(commands.toArray());
	return () => {
		destroyed = true;
		commands.unobserve(observer);
	};
}
