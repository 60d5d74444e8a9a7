import type { PublicKeyContext } from "../auth/authenticator.ts";
import type { Principal } from "../auth/principal.ts";

/** What a WebSocket connection has proven, shared by all documents it opens. */
export interface ConnectionContext {
	/** Set when the socket was opened with a public key (widgets). */
	publicKey?: PublicKeyContext;
	/** The client's IP as per-IP limits count it (the peer, or the trusted forwarded hop). */
	clientIp?: string;
	/** Set once a document of this socket authenticated. */
	principal?: Principal;
}
