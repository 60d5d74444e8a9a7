import * as decoding from "lib0/decoding";

const SYNC_STATUS = 8;

/**
 * Reads a Hocuspocus frame and tells whether it is a SyncStatus the server sent with
 * `applied = false`: for a read-only document this means the client offered state the server
 * does not have, i.e. the local cache diverged from the server.
 */
export function isRejectedSyncStatus(data: ArrayBuffer | Uint8Array): boolean {
	try {
		const decoder = decoding.createDecoder(
			data instanceof Uint8Array ? data : new Uint8Array(data),
		);
		decoding.readVarString(decoder);
		if (decoding.readVarUint(decoder) !== SYNC_STATUS) return false;
		return decoding.readVarUint(decoder) === 0;
	} catch {
		return false;
	}
}
