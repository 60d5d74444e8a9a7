import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findBrokenLocalLinks } from "../repository-prose/markdown-links.ts";
import { findProseViolations } from "../repository-prose/prose-rules.ts";

// The repository's tracked files speak of the product as it is now: no paths that exist only
// on the authors' machines, no history of its development (that lives in git), no broken links.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Source and configuration files whose comments and strings are prose too. */
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|json|css|html|prisma|sql)$/;
/** Files that must name the forbidden forms to test or define them. */
const EXEMPT = new Set([
	"scripts/repository-prose/prose-rules.ts",
	"scripts/test/prose-rules.test.ts",
	"scripts/test/markdown-links.test.ts",
]);

function trackedFiles(): string[] {
	const output = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
	// A tracked file deleted in the working tree (not yet committed) has nothing to check.
	return output.split("\0").filter((file) => file !== "" && existsSync(`${ROOT}/${file}`));
}

const files = trackedFiles();
const markdown = files.filter((file) => file.endsWith(".md"));
const sources = files.filter(
	(file) =>
		(SOURCE.test(file) || file === ".ci/run") &&
		!file.endsWith("package-lock.json") &&
		!EXEMPT.has(file),
);

function read(file: string): string {
	return readFileSync(`${ROOT}/${file}`, "utf8");
}

describe("repository prose", () => {
	it("finds the files to check", () => {
		expect(markdown).toContain("README.md");
		expect(sources).toContain("package.json");
	});

	it("no file refers to paths outside the repository or to the history of its development", () => {
		const problems = [...markdown, ...sources].flatMap((file) =>
			findProseViolations(read(file)).map(
				(v) => `${file}:${v.line}: "${v.match}" — ${v.rule}: ${v.message}`,
			),
		);
		expect(problems, problems.join("\n")).toEqual([]);
	});

	it("every local link in a Markdown file points to a file of the repository", () => {
		const problems = markdown.flatMap((file) =>
			findBrokenLocalLinks(ROOT, file, read(file)).map(
				(link) => `${file}:${link.line}: ${link.target} does not exist`,
			),
		);
		expect(problems, problems.join("\n")).toEqual([]);
	});
});
