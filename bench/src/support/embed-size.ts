import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const EMBED_DIST = join(REPO_ROOT, "embed/dist");

/** Sizes of the script-tag embed, gzipped (level 9), in KB with one decimal. */
export interface EmbedSize {
	/** `loader.js`: the tag a site pastes. */
	loaderGzipKB: number;
	/** `widget.js`, the chunks it imports statically and `widget.css`: React included. */
	widgetInitialGzipKB: number;
	/** Every file of the widget bundle, the chunks loaded on idle or open included. */
	widgetTotalGzipKB: number;
}

function gzipKB(bytes: number): number {
	return Math.round((bytes / 1024) * 10) / 10;
}

function gzipBytes(file: string): number {
	return gzipSync(readFileSync(join(EMBED_DIST, file)), { level: 9 }).byteLength;
}

/** `file` and the chunks it imports statically (`from "./chunk-….js"`), transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const code = readFileSync(join(EMBED_DIST, file), "utf8");
	for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) {
		staticClosure(match[1] as string, seen);
	}
	return seen;
}

/**
 * Builds the script-tag embed when its sources changed (`scripts/build-embed.mjs`, esbuild,
 * minified, as `npm start` does) and measures what a page that pastes the tag downloads: the loader, then the widget bundle before
 * the trigger shows and in all.
 */
export function measureEmbedSize(): EmbedSize {
	execFileSync(process.execPath, [join(REPO_ROOT, "scripts/build-embed.mjs")], {
		cwd: REPO_ROOT,
		stdio: "ignore",
	});
	const widgetFiles = readdirSync(EMBED_DIST).filter(
		(file) => file !== "loader.js" && /\.(js|css)$/.test(file),
	);
	const initial = [...staticClosure("widget.js"), "widget.css"];
	const sum = (files: string[]) => files.reduce((total, file) => total + gzipBytes(file), 0);
	return {
		loaderGzipKB: gzipKB(gzipBytes("loader.js")),
		widgetInitialGzipKB: gzipKB(sum(initial)),
		widgetTotalGzipKB: gzipKB(sum(widgetFiles)),
	};
}
