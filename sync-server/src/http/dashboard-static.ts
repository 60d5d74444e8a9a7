import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

/** Mount path of the agents' dashboard (its Vite `base`). */
export const DASHBOARD_PATH = "/dashboard";

/**
 * Headers of every dashboard answer: no sniffing, no framing (clickjacking), no referrer, and a
 * CSP allowing only this origin (the app talks to `/v1` and `/ws` here; uploads are same-origin).
 */
const SECURITY_HEADERS: Record<string, string> = {
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options": "DENY",
	"Referrer-Policy": "no-referrer",
	"Content-Security-Policy":
		"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

/**
 * Serves the built dashboard (`dashboard/dist`) under `/dashboard/`:
 *
 * - hashed build assets (`/dashboard/assets/*`) are immutable for a year;
 * - everything else (index.html, the service worker, the manifest) is `no-cache`, so a deploy
 *   reaches browsers at the next load (the service worker then swaps the precache);
 * - any other path under `/dashboard/` answers index.html (client-side routes, SPA fallback).
 *
 * Returns null when the directory holds no build (the API still runs without a dashboard).
 */
export function dashboardRouter(directory: string): Router | null {
	const index = join(directory, "index.html");
	if (!existsSync(index)) return null;
	// Middleware only (no route layers): the OpenAPI check lists routes, and these are not API.
	const router = express.Router();
	router.use((req, res, next) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		// `/dashboard` → `/dashboard/`: the service worker's scope and relative URLs need the slash.
		if (req.originalUrl === DASHBOARD_PATH || req.originalUrl.startsWith(`${DASHBOARD_PATH}?`)) {
			res.redirect(301, `${DASHBOARD_PATH}/${req.originalUrl.slice(DASHBOARD_PATH.length)}`);
			return;
		}
		next();
	});
	router.use(
		express.static(directory, {
			index: "index.html",
			redirect: true,
			fallthrough: true,
			dotfiles: "ignore",
			setHeaders(res, path) {
				const immutable = path.startsWith(join(directory, "assets"));
				res.setHeader(
					"Cache-Control",
					immutable ? "public, max-age=31536000, immutable" : "no-cache",
				);
			},
		}),
	);
	// Client-side routes (`/dashboard/conversations/…`): the app shell. Missing files with an
	// extension stay 404s, so a stale asset URL is never answered with HTML.
	router.use((req, res, next) => {
		if ((req.method !== "GET" && req.method !== "HEAD") || /\.[a-z0-9]+$/i.test(req.path))
			return next();
		res.setHeader("Cache-Control", "no-cache");
		res.sendFile(index);
	});
	return router;
}
