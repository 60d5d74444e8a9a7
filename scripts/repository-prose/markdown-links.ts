import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/** A link found in a Markdown text. */
export interface MarkdownLink {
	/** The target as written (`../docs/sdk.md#the-client`). */
	readonly target: string;
	/** 1-based line number. */
	readonly line: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)(?:(?!\1)[\s\S])*?\1/g;
// [text](target "title") and ![alt](target); the target may be wrapped in <…>.
const INLINE_LINK =
	/!?\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>]*)>|([^)\s]+))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
// [label]: target
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(?:<([^>]*)>|(\S+))/;
// <a href="…">, <img src="…"> written as HTML inside Markdown.
const HTML_ATTRIBUTE = /\b(?:href|src)\s*=\s*"([^"]*)"/g;

/**
 * Every link target of a Markdown text, outside code blocks and code spans (where a link is an
 * example, not a link).
 */
export function findMarkdownLinks(markdown: string): MarkdownLink[] {
	const links: MarkdownLink[] = [];
	let fence: string | null = null;
	for (const [index, raw] of markdown.split("\n").entries()) {
		const fenceMatch = FENCE.exec(raw);
		if (fence !== null) {
			if (fenceMatch?.[1]?.startsWith(fence)) fence = null;
			continue;
		}
		if (fenceMatch?.[1]) {
			fence = fenceMatch[1];
			continue;
		}
		const line = raw.replace(INLINE_CODE, "");
		const add = (target: string | undefined) => {
			if (target !== undefined && target !== "") links.push({ target, line: index + 1 });
		};
		for (const match of line.matchAll(INLINE_LINK)) add(match[1] ?? match[2]);
		const definition = REFERENCE_DEFINITION.exec(line);
		if (definition) add(definition[1] ?? definition[2]);
		for (const match of line.matchAll(HTML_ATTRIBUTE)) add(match[1]);
	}
	return links;
}

/** True for a link into the repository: not a URL with a scheme (`https:`, `mailto:`), not `//host`, not only an anchor. */
export function isLocalTarget(target: string): boolean {
	return (
		!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//") && !target.startsWith("#")
	);
}

/**
 * The repository-relative path a local link of `fromFile` points to (its anchor and query
 * dropped); a target starting with `/` is taken from the repository's root.
 */
export function resolveLocalTarget(fromFile: string, target: string): string {
	const path = decodeURIComponent(target.replace(/[#?].*$/, ""));
	if (path === "") return normalize(fromFile);
	return path.startsWith("/") ? normalize(path.slice(1)) : join(dirname(fromFile), path);
}

/**
 * The local links of `file` (repository-relative) whose target does not exist under `root`,
 * or lies outside it (a clone has nothing there).
 */
export function findBrokenLocalLinks(root: string, file: string, markdown: string): MarkdownLink[] {
	return findMarkdownLinks(markdown).filter((link) => {
		if (!isLocalTarget(link.target)) return false;
		const path = resolveLocalTarget(file, link.target);
		return path === ".." || path.startsWith("../") || !existsSync(join(root, path));
	});
}
