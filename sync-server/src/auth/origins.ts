/**
 * Whether a browser `Origin` may use a website's public key.
 *
 * Allowed entries are exact origins (`https://app.example.com`) or wildcards of subdomains
 * (`https://*.example.com`); the protocol must match. Test keys also work from the loopback
 * origins `localhost`, `127.0.0.1` and `[::1]` (any port, http or https): a page there is served
 * by the developer's own machine. `*.localhost` is not one of them: not every browser resolves
 * it to loopback, and where one asks DNS, anyone could serve that page. Anything that is not
 * an http(s) origin (`null` from sandboxed frames and `file://`, opaque origins) is refused.
 */
export function isOriginAllowed(
	origin: string,
	allowedOrigins: readonly string[],
	environment: "test" | "live",
): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return false;
	if (environment === "test" && isLocalhost(url.hostname)) return true;
	const normalized = `${url.protocol}//${url.host}`.toLowerCase();
	// Trailing slashes are stripped before either kind of entry is matched: "https://*.example.com/"
	// used to fall through to the exact comparison and silently match nothing.
	return allowedOrigins.some((entry) =>
		matchesEntry(normalized, url, entry.trim().toLowerCase().replace(/\/+$/, "")),
	);
}

function isLocalhost(hostname: string): boolean {
	return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

function matchesEntry(normalized: string, url: URL, entry: string): boolean {
	const wildcard = /^(https?):\/\/\*\.([^/]+)$/.exec(entry);
	if (!wildcard) return normalized === entry;
	const [, protocol, suffix] = wildcard;
	return url.protocol === `${protocol}:` && url.host.toLowerCase().endsWith(`.${suffix}`);
}
