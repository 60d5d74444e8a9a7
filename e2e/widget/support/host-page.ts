import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, resolve } from "node:path";
import type { BrowserContext } from "@playwright/test";
import { build, type Metafile } from "esbuild";

/** The host pages, one per docs page they reproduce (entry files in `../host/`). */
export const HOST_PAGES = [
	"quickstart",
	"events",
	"custom-trigger",
	"custom-pages",
	"support-state",
] as const;
export type HostPageName = (typeof HOST_PAGES)[number];

/** A running static server for the bundled host pages. */
export interface HostServer<P extends string = HostPageName> {
	/** `http://localhost:<port>`: localhost is an allowed origin for `pk_test_` keys. */
	origin: string;
	/** URL of a host page with optional query settings (`locale`, `dark`, …). */
	url(page: P, settings?: Record<string, string>): string;
	/**
	 * Paths (`/chunk-….js`) of the scripts a page does not import statically: what the widget
	 * loads on idle or on open. Tests hold them back to see the widget before they arrive.
	 */
	lazyScripts(page: P): string[];
	/**
	 * Serves the host pages to `context` from memory (route interception), as a host app's
	 * service worker would from its cache: they then load and reload while the context is
	 * offline. The sync-server stays unreachable offline.
	 */
	serveOffline(context: BrowserContext): Promise<void>;
	close(): Promise<void>;
}

const HOST_DIR = resolve(import.meta.dirname, "../host");

/** Where a set of host pages is: one `<name>.tsx` entry in `dir` for each of `pages`. */
export interface HostPages<P extends string> {
	dir: string;
	pages: readonly P[];
}

/**
 * Bundles the host pages as an application would ship them (esbuild, minified, code splitting,
 * so the widget's lazy chunks load from the server on idle or open) with the workspace packages
 * from source (`@cossistant/source`).
 */
async function bundleHostPages({ dir, pages }: HostPages<string>): Promise<{
	files: Map<string, { type: string; body: Uint8Array }>;
	lazy: Map<string, string[]>;
}> {
	const result = await build({
		entryPoints: pages.map((name) => resolve(dir, `${name}.tsx`)),
		bundle: true,
		splitting: true,
		minify: true,
		format: "esm",
		platform: "browser",
		target: "es2022",
		jsx: "automatic",
		conditions: ["@cossistant/source"],
		define: { "process.env.NODE_ENV": '"production"' },
		outdir: "/host-out",
		write: false,
		metafile: true,
		logLevel: "silent",
	});
	const files = new Map<string, { type: string; body: Uint8Array }>();
	for (const file of result.outputFiles) {
		const type = file.path.endsWith(".css") ? "text/css" : "text/javascript";
		files.set(`/${basename(file.path)}`, { type, body: file.contents });
	}
	const outputs = result.metafile.outputs;
	const scripts = Object.keys(outputs).filter((path) => path.endsWith(".js"));
	const lazy = new Map<string, string[]>();
	for (const page of pages) {
		const entry = scripts.find((path) => basename(path) === `${page}.js`);
		if (!entry) throw new Error(`no bundle for ${page}`);
		const initial = staticClosure(outputs, entry);
		lazy.set(
			page,
			scripts
				.filter((path) => !initial.has(path) && !pages.some((p) => basename(path) === `${p}.js`))
				.map((path) => `/${basename(path)}`),
		);
	}
	return { files, lazy };
}

/** The output files `entry` loads through static imports (itself included). */
function staticClosure(outputs: Metafile["outputs"], entry: string): Set<string> {
	const seen = new Set<string>();
	const visit = (path: string) => {
		if (seen.has(path)) return;
		seen.add(path);
		for (const imported of outputs[path]?.imports ?? []) {
			if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
		}
	};
	visit(entry);
	return seen;
}

function html(page: string, demo: { apiUrl: string; publicKey: string }): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme (${page})</title>
<link rel="stylesheet" href="/${page}.css">
<script>window.cossistantDemo = ${JSON.stringify(demo)};</script>
<script type="module" src="/${page}.js"></script>
</head>
<body><main id="root"></main></body>
</html>`;
}

/**
 * Serves the host pages on `http://localhost:<free port>` for a sync-server's demo website:
 * `/<page>.html`, its bundle and the shared chunks. The pages are those of `host/` unless `site`
 * names others (the docs' samples mount theirs from `doc-samples/browser`).
 */
export async function startHostServer(demo: {
	apiUrl: string;
	publicKey: string;
}): Promise<HostServer>;
export async function startHostServer<P extends string>(
	demo: { apiUrl: string; publicKey: string },
	site: HostPages<P>,
): Promise<HostServer<P>>;
export async function startHostServer(
	demo: { apiUrl: string; publicKey: string },
	site: HostPages<string> = { dir: HOST_DIR, pages: HOST_PAGES },
): Promise<HostServer<string>> {
	const { files, lazy } = await bundleHostPages(site);
	const respond = (path: string): { status: number; type?: string; body?: string | Uint8Array } => {
		const page = /^\/([a-z-]+)\.html$/.exec(path)?.[1];
		if (page && site.pages.includes(page)) {
			const body = html(page, { apiUrl: demo.apiUrl, publicKey: demo.publicKey });
			return { status: 200, type: "text/html; charset=utf-8", body };
		}
		const file = files.get(path);
		return file ? { status: 200, type: file.type, body: file.body } : { status: 404 };
	};
	const server: Server = createServer((request, response) => {
		const { status, type, body } = respond(
			new URL(request.url ?? "/", "http://localhost").pathname,
		);
		response.writeHead(status, type ? { "content-type": type, "cache-control": "no-store" } : {});
		response.end(body);
	});
	await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
	const { port } = server.address() as AddressInfo;
	const origin = `http://localhost:${port}`;
	return {
		origin,
		url: (page, settings = {}) => {
			const query = new URLSearchParams(settings).toString();
			return `${origin}/${page}.html${query ? `?${query}` : ""}`;
		},
		lazyScripts: (page) => lazy.get(page) ?? [],
		serveOffline: async (context) => {
			await context.route(`${origin}/**`, (route) => {
				const { status, type, body } = respond(new URL(route.request().url()).pathname);
				return route.fulfill({
					status,
					...(type ? { contentType: type } : {}),
					...(body === undefined ? {} : { body: Buffer.from(body) }),
				});
			});
		},
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}
