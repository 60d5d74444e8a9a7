import type { TimelinePart } from "@cossistant/types";

/**
 * A server path (`/v1/uploads/…`) resolved against the server root the client talks to: the
 * API base without its `/v1`, so a proxy prefix (`https://example.com/support/v1`) is kept. A
 * relative API base (same-origin proxies) leaves a server path. Absolute URLs are unchanged.
 *
 * @example serverUrl("/v1/uploads/abc", "https://api.example.com/v1") // "https://api.example.com/v1/uploads/abc"
 */
export function serverUrl(path: string, apiUrl: string): string {
	if (!path.startsWith("/") || path.startsWith("//")) return path;
	const base = apiUrl.replace(/\/+$/, "");
	if (/\/v1$/.test(base) && path.startsWith("/v1/")) return base.slice(0, -3) + path;
	try {
		return new URL(path, base).toString();
	} catch {
		return path;
	}
}

/**
 * Parts with their image / file `url`s resolved by {@link serverUrl}. Messages carry uploads
 * as server paths (the server accepts nothing else from visitors), but the widget renders on
 * the host site's pages, where a server path would point at the host instead of the API.
 * Returns `parts` itself when nothing changes (or no `apiUrl` is known).
 */
export function withServerUrls<T extends TimelinePart>(
	parts: T[],
	apiUrl: string | undefined,
): T[] {
	// Most parts are text: leave their arrays alone (no copy per item of a long timeline).
	if (apiUrl === undefined || !parts.some((part) => part.type === "image" || part.type === "file"))
		return parts;
	let changed = false;
	const resolved = parts.map((part) => {
		if (part.type !== "image" && part.type !== "file") return part;
		const url = serverUrl(part.url, apiUrl);
		if (url === part.url) return part;
		changed = true;
		return { ...part, url };
	});
	return changed ? resolved : parts;
}
