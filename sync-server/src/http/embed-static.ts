import { readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

/** Mount path of the script-tag embed: `/widget/<version>/loader.js`, `/widget/latest/…`. */
export const EMBED_PATH = "/widget";

/** The served embed: its version and the router to mount at `EMBED_PATH`. */
export interface EmbedStatic {
	/** `version` of the build's `version.json` (the embed package's version). */
	version: string;
	router: Router;
}

/** Versioned files never change: a new release is a new path. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** `latest` follows releases: browsers and CDNs re-check it every few minutes. */
const SHORT = "public, max-age=300";

/**
 * Serves the built embed (`embed/dist`) for any website to load with a script tag:
 *
 * - `/widget/<version>/*` is immutable for a year; `/widget/latest/*` is cached 5 minutes;
 *   other versions are 404s (one build is served);
 * - `Access-Control-Allow-Origin: *` and `Cross-Origin-Resource-Policy: cross-origin`: the
 *   loader imports the bundle as a module from the site's origin (a CORS request), and pages
 *   with cross-origin isolation may embed it;
 * - `nosniff`: a file is run or applied only as its declared type.
 *
 * Returns null when the directory holds no build (the API still runs without the embed).
 */
export function embedStatic(directory: string): EmbedStatic | null {
	const version = readVersion(directory);
	if (!version) return null;
	// Middleware only (no route layers): the OpenAPI check lists routes, and these are not API.
	const router = express.Router();
	const serve = (cacheControl: string) =>
		express.static(directory, {
			index: false,
			redirect: false,
			dotfiles: "ignore",
			fallthrough: true,
			setHeaders(res) {
				res.setHeader("Cache-Control", cacheControl);
				res.setHeader("X-Content-Type-Options", "nosniff");
				res.setHeader("Access-Control-Allow-Origin", "*");
				res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
			},
		});
	router.use(`/${version}`, serve(IMMUTABLE));
	router.use("/latest", serve(SHORT));
	return { version, router };
}

function readVersion(directory: string): string | null {
	try {
		const { version } = JSON.parse(readFileSync(join(directory, "version.json"), "utf8")) as {
			version?: unknown;
		};
		// It becomes a path segment: nothing but a plain semver-like string.
		return typeof version === "string" && /^[0-9A-Za-z.-]+$/.test(version) ? version : null;
	} catch {
		return null;
	}
}
