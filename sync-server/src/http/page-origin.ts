import type { Request } from "express";

/**
 * The origin of the web page a widget request comes from, for the public key's origin check.
 *
 * Browsers send `Origin` on every cross-origin request, but not on a same-origin GET or HEAD
 * (fetch spec). A page served by this very server (the `/demo/` page, or a site proxying the
 * API under its own domain) then sends none; it does send `Sec-Fetch-Site: same-origin`, a
 * header page scripts cannot set, and its origin is then this request's own origin. A non-
 * browser client could forge either header, exactly as it could forge `Origin`.
 */
export function pageOrigin(req: Request): string | undefined {
	const origin = req.headers.origin;
	if (origin !== undefined) return origin;
	if (req.headers["sec-fetch-site"] !== "same-origin") return undefined;
	const host = req.get("host");
	return host ? `${req.protocol}://${host}` : undefined;
}
