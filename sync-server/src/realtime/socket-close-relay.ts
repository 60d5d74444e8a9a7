import * as v from "valibot";
import { type SocketClose, socketCloseSchema } from "../auth/ended-credential.ts";
import type { Logger } from "../logger.ts";
import { RedisRelay } from "./redis-relay.ts";

/**
 * Tells the other sync-server processes (same Redis) to close sockets whose credentials this
 * process just ended: a logout, an agent removed or demoted, a visitor blocked, a key revoked.
 * Without it they found out at their next credential sweep (30 s), and a removed agent kept
 * receiving the documents it had open there until its socket closed for another reason (the
 * sweep re-checks sessions, blocks and keys, not memberships). The sweep stays the fallback.
 */
export class SocketCloseRelay {
	private readonly relay: RedisRelay<SocketClose>;

	constructor(redisUrl: string, logger: Logger) {
		this.relay = new RedisRelay(redisUrl, "cossistant:socket-closes", logger);
	}

	/** Subscribes; `apply` runs for every close published by another process. */
	start(apply: (close: SocketClose) => void): Promise<void> {
		return this.relay.start((payload) => {
			const parsed = v.safeParse(socketCloseSchema, payload);
			return parsed.success ? parsed.output : null;
		}, apply);
	}

	publish(close: SocketClose): void {
		this.relay.publish(close);
	}

	stop(): Promise<void> {
		return this.relay.stop();
	}
}
