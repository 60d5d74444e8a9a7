import { detectApiUrl } from "./env.ts";

/** Where the sync-server listens when nothing says otherwise (its `npm start`). */
export const DEFAULT_API_URL = "http://localhost:4000/v1";

/**
 * The REST base URL: the given one, else `VITE_/NEXT_PUBLIC_/COSSISTANT_API_URL`, else
 * {@link DEFAULT_API_URL}; without trailing slashes.
 */
export function resolveApiUrl(apiUrl: string | undefined): string {
	return (apiUrl || detectApiUrl() || DEFAULT_API_URL).replace(/\/+$/, "");
}

/**
 * The WebSocket URL the server pairs with a REST base URL: `http` → `ws`, `https` → `wss`, and
 * the REST prefix `/v1` replaced by `/ws` (`https://support.example.com/v1` →
 * `wss://support.example.com/ws`).
 */
export function deriveWsUrl(apiUrl: string): string {
	return `${apiUrl.replace(/\/+$/, "").replace(/^http/, "ws").replace(/\/v1$/, "")}/ws`;
}
