import { readFileSync } from "node:fs";
import express, { type Router } from "express";
import { assetPath } from "../asset-path.ts";
import { DASHBOARD_PATH } from "./dashboard-static.ts";
import { EMBED_PATH } from "./embed-static.ts";

/** Mount path of the demo host page. */
export const DEMO_PATH = "/demo";

/** The page's template: a plain HTML site embedding the widget with its script tag. */
const TEMPLATE = assetPath(import.meta.url, "./demo/index.html", "../../../embed/demo/index.html");

/** What the demo page shows and embeds. */
export interface DemoPageOptions {
	/** The demo website's public key (written into the script tag, never stored in the file). */
	publicKey: string;
	/** The demo admin's email, shown so a newcomer knows how to sign in to the dashboard. */
	agentEmail: string;
}

/** The demo page's own policy: its scripts, the widget's socket and images only from here. */
const SECURITY_HEADERS: Record<string, string> = {
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options": "DENY",
	"Referrer-Policy": "no-referrer",
	"Content-Security-Policy":
		"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/**
 * Serves `/demo/`: a sample customer page that embeds the widget through
 * `/widget/latest/loader.js` with the demo key, so `npm start` gives a newcomer both sides of a
 * conversation (this page and the dashboard). Only mounted when the demo is seeded.
 */
export function demoPageRouter(options: DemoPageOptions, template = TEMPLATE): Router | null {
	let source: string;
	try {
		source = readFileSync(template, "utf8");
	} catch {
		return null;
	}
	const loaderPath = `${EMBED_PATH}/latest/loader.js`;
	// Middleware only (no route layers): the OpenAPI check lists routes, and this is not API.
	const router = express.Router();
	router.use((req, res, next) => {
		if (req.method !== "GET" && req.method !== "HEAD") return next();
		if (req.originalUrl === DEMO_PATH || req.originalUrl.startsWith(`${DEMO_PATH}?`)) {
			res.redirect(301, `${DEMO_PATH}/${req.originalUrl.slice(DEMO_PATH.length)}`);
			return;
		}
		if (req.path !== "/") return next();
		// The snippet shows absolute URLs, as a site owner would paste them.
		const origin = `${req.protocol}://${req.get("host") ?? "localhost"}`;
		const snippet = [
			"<script>",
			"  window.Cossistant = window.Cossistant || function () { (Cossistant.q = Cossistant.q || []).push(arguments) };",
			"</script>",
			`<script async src="${origin}${loaderPath}" data-public-key="${options.publicKey}"></script>`,
		].join("\n");
		const values: Record<string, string> = {
			publicKey: options.publicKey,
			agentEmail: options.agentEmail,
			loaderPath,
			dashboardUrl: `${DASHBOARD_PATH}/`,
			snippet,
		};
		const html = source.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
			name in values ? escapeHtml(values[name] ?? "") : match,
		);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		res.setHeader("Cache-Control", "no-store");
		res.type("html").send(html);
	});
	return router;
}

function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(char) =>
			({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
	);
}
