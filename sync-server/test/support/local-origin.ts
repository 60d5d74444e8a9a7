import { WebSocket } from "ws";

/**
 * The Origin test widgets send unless told otherwise: a browser always sends one with a public
 * key, and a loopback origin is what test keys accept besides the website's allowed origins.
 */
export const LOCAL_ORIGIN = "http://localhost:5173";

/** `fetch` as a page on LOCAL_ORIGIN calls it: with an Origin header (for clients in Node). */
export const localOriginFetch: typeof fetch = (input, init) => {
	const headers = new Headers(init?.headers);
	if (!headers.has("origin")) headers.set("origin", LOCAL_ORIGIN);
	return fetch(input, { ...init, headers });
};

/** A WebSocket (the `ws` package) that sends LOCAL_ORIGIN, as a browser page there would. */
export class LocalOriginWebSocket extends WebSocket {
	constructor(address: string | URL, protocols?: string | string[]) {
		super(address, protocols, { origin: LOCAL_ORIGIN });
		// Destroyed mid-handshake, ws emits an error nobody listens for; the close event follows.
		this.on("error", () => {});
	}
}

/** Options that make a CossistantClient in Node send LOCAL_ORIGIN, as the widget in a page. */
export const localOriginClient = {
	fetch: localOriginFetch,
	WebSocketPolyfill: LocalOriginWebSocket,
};
