import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { Redis } from "ioredis";

/**
 * Cross-process fan-out for N sync-server processes: Hocuspocus' Redis extension relays
 * document updates and awareness between the processes that have a document open, so a
 * visitor connected to process A and an agent on process B converse live. Redis holds no
 * state of ours: PostgreSQL stays the source of truth (write-ahead before any broadcast) and
 * the command ledger keeps commands exactly-once across processes.
 */
export function createRedisFanOut(redisUrl: string): RedisExtension {
	return new RedisExtension({
		createClient: () => new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 }),
		prefix: "cossistant",
	});
}
