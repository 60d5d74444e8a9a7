import { LRUCache } from "lru-cache";
import { isRetryableDatabaseError } from "../errors/retryable-errors.ts";

/** How long answers are remembered and how long the database gets before memory answers. */
export interface StaleIfUnreachableOptions {
	/** The oldest database answer that may stand in for the database (ms). */
	maxAgeMs: number;
	/**
	 * How long a query may take before a remembered answer is used instead (ms). An unreachable
	 * database does not always fail: a partitioned one leaves queries hanging for minutes.
	 */
	patienceMs: number;
	/** Keys remembered (least recently used go first). */
	max: number;
	/** Told each time a remembered answer is served because the database could not answer. */
	onServedStale?: (key: string) => void;
}

const PATIENCE_EXPIRED = Symbol("patience expired");

/**
 * The last answer the database gave for each key, served only while the database cannot answer
 * (HTTP's `stale-if-error`, for credentials and access decisions).
 *
 * Every call asks the database. Its answer is returned (and remembered when positive) as usual;
 * a remembered answer is returned instead only when the query fails with a "database unreachable"
 * error or takes longer than `patienceMs`. A definite "no" from the database (`null`, or any
 * other error such as an access denial) forgets the key. Answers older than `maxAgeMs` are gone,
 * whatever the database's state. Callers forget keys whose answer changed for another reason
 * (a logout, a revocation, a block) with {@link forget}.
 *
 * So during a PostgreSQL outage a socket whose credentials and documents this process checked in
 * the last minutes is let in from memory, and nothing that was refused or revoked is.
 */
export class StaleIfUnreachable<V extends object> {
	private readonly answers: LRUCache<string, V> | null;

	constructor(private readonly options: StaleIfUnreachableOptions) {
		this.answers =
			options.maxAgeMs > 0
				? new LRUCache<string, V>({ max: options.max, ttl: options.maxAgeMs })
				: null;
	}

	/**
	 * `load()`'s answer, or the remembered answer for `key` when `load()` cannot reach the database
	 * (fails retryably or exceeds the patience). Without a remembered answer, `load()`'s outcome.
	 */
	get(key: string, load: () => Promise<V>): Promise<V>;
	get(key: string, load: () => Promise<V | null>): Promise<V | null>;
	async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
		const { answers } = this;
		if (!answers) return load();
		const remembered = answers.get(key);
		const loading = load().then(
			(value) => {
				if (value === null) answers.delete(key);
				else answers.set(key, value);
				return value;
			},
			(error: unknown) => {
				if (!isRetryableDatabaseError(error)) answers.delete(key);
				throw error;
			},
		);
		if (remembered === undefined) return loading;

		let timer: NodeJS.Timeout | undefined;
		const patience = new Promise<typeof PATIENCE_EXPIRED>((resolve) => {
			timer = setTimeout(() => resolve(PATIENCE_EXPIRED), this.options.patienceMs);
		});
		try {
			const outcome = await Promise.race([
				loading.then(
					(value) => ({ value }),
					(error: unknown) => ({ error }),
				),
				patience,
			]);
			if (outcome !== PATIENCE_EXPIRED && "value" in outcome) return outcome.value;
			if (outcome !== PATIENCE_EXPIRED && !isRetryableDatabaseError(outcome.error)) {
				throw outcome.error;
			}
			// The query may still finish (and refresh the memory); its failure is nobody's concern.
			loading.catch(() => {});
			this.options.onServedStale?.(key);
			return remembered;
		} finally {
			clearTimeout(timer);
		}
	}

	/** Forgets every remembered answer `matches` selects. */
	forget(matches: (key: string, value: V) => boolean): void {
		if (!this.answers) return;
		for (const [key, value] of this.answers.entries()) {
			if (matches(key, value)) this.answers.delete(key);
		}
	}

	/** Forgets everything. */
	clear(): void {
		this.answers?.clear();
	}
}
