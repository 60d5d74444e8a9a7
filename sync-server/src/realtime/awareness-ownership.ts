import type { Connection, Document } from "@hocuspocus/server";
import { principalKey } from "../auth/principal.ts";
import type { ConnectionContext } from "./connection-context.ts";

/**
 * Which awareness client ids each connection (one socket on one document) may write.
 *
 * An awareness frame names client ids and clocks freely: without this, a visitor could write a
 * state under the agent's client id with a huge clock, blanking the agent's typing indicator for
 * good (the agent's own later, lower clocks would be ignored), or fill the document with
 * thousands of invented clients that every later peer receives. A connection owns the ids it
 * introduced, up to `maxPerConnection`; it may never write an id another principal's connection
 * owns, nor one whose state came from elsewhere (another process). The same principal may take
 * an id over: a client that reconnected writes its id again while its old socket lingers.
 * Entries a connection may not write are dropped from the frame, never relayed.
 */
export class AwarenessOwnership {
	private readonly owned = new WeakMap<Connection<ConnectionContext>, Set<number>>();

	constructor(private readonly maxPerConnection: number) {}

	/** Removes from `states` every entry `connection` may not write; returns how many. */
	restrict(
		document: Document,
		connection: Connection<ConnectionContext>,
		states: Map<number, unknown>,
	): number {
		let mine = this.owned.get(connection);
		if (!mine) {
			mine = new Set();
			this.owned.set(connection, mine);
		}
		const self = connection.context?.principal;
		let dropped = 0;
		for (const clientId of [...states.keys()]) {
			if (mine.has(clientId)) continue;
			const owner = this.ownerOf(document, connection, clientId);
			const samePrincipal =
				owner !== null &&
				self !== undefined &&
				owner.context?.principal !== undefined &&
				principalKey(owner.context.principal) === principalKey(self);
			const foreign =
				owner !== null ? !samePrincipal : document.awareness.getStates().has(clientId);
			if (foreign || mine.size >= this.maxPerConnection) {
				states.delete(clientId);
				dropped += 1;
				continue;
			}
			if (owner) {
				this.owned.get(owner)?.delete(clientId);
				// Hocuspocus removes a closing connection's clients from the document: the old
				// socket closing later must not erase the state its successor now writes.
				document.getClients(owner).delete(clientId);
			}
			mine.add(clientId);
		}
		return dropped;
	}

	/** The other connection of `document` that owns `clientId`, if any. */
	private ownerOf(
		document: Document,
		connection: Connection<ConnectionContext>,
		clientId: number,
	): Connection<ConnectionContext> | null {
		for (const other of document.getConnections() as Connection<ConnectionContext>[]) {
			if (other === connection) continue;
			if (this.owned.get(other)?.has(clientId) || document.getClients(other).has(clientId)) {
				return other;
			}
		}
		return null;
	}
}
