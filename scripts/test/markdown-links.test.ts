import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
	findBrokenLocalLinks,
	findMarkdownLinks,
	isLocalTarget,
	resolveLocalTarget,
} from "../repository-prose/markdown-links.ts";

describe("markdown links", () => {
	it("finds inline links, images, reference definitions and HTML attributes", () => {
		const markdown = [
			'See [the SDK](../docs/sdk.md#the-client) and ![logo](img/logo.png "Logo").',
			"[ref]: ./LICENSE",
			'<img src="shot.png"> [`code`](<with space.md>)',
		].join("\n");
		expect(findMarkdownLinks(markdown)).toEqual([
			{ target: "../docs/sdk.md#the-client", line: 1 },
			{ target: "img/logo.png", line: 1 },
			{ target: "./LICENSE", line: 2 },
			{ target: "with space.md", line: 3 },
			{ target: "shot.png", line: 3 },
		]);
	});

	it("ignores links inside code blocks and code spans", () => {
		const markdown = ["```md", "[a](missing.md)", "```", "`[b](missing.md)` text"].join("\n");
		expect(findMarkdownLinks(markdown)).toEqual([]);
	});

	it("tells local targets from URLs and anchors", () => {
		expect(isLocalTarget("../docs/sdk.md")).toBe(true);
		expect(isLocalTarget("docs/")).toBe(true);
		for (const target of ["https://example.com", "http://x", "mailto:a@b.c", "#usage", "//cdn"])
			expect(isLocalTarget(target)).toBe(false);
	});

	it("resolves a target from the linking file's folder, or the root for /…", () => {
		expect(resolveLocalTarget("client-core/README.md", "../docs/sdk.md#x")).toBe("docs/sdk.md");
		expect(resolveLocalTarget("docs/sdk.md", "/README.md")).toBe("README.md");
		expect(resolveLocalTarget("docs/a.md", "with%20space.md")).toBe("docs/with space.md");
	});

	const root = mkdtempSync(join(tmpdir(), "markdown-links-"));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it("reports a link to a missing file or outside the repository, not one to an existing file", () => {
		mkdirSync(join(root, "docs"));
		writeFileSync(join(root, "docs", "sdk.md"), "# SDK\n");
		const markdown = [
			"[ok](../docs/sdk.md#usage) [dir](../docs/) [anchor](#here) [web](https://example.com)",
			"[gone](../docs/removed.md)",
			"[outside](../../shared/DESIGN.md)",
		].join("\n");
		expect(findBrokenLocalLinks(root, "pkg/README.md", markdown)).toEqual([
			{ target: "../docs/removed.md", line: 2 },
			{ target: "../../shared/DESIGN.md", line: 3 },
		]);
	});
});
