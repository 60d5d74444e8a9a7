import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findLayerViolations } from "../import-rules/server-layers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER_SOURCE = "sync-server/src/";

function serverFiles(): Array<{ path: string; source: string }> {
	const output = execFileSync(
		"git",
		["ls-files", "-z", "--cached", "--others", "--exclude-standard", SERVER_SOURCE],
		{
			cwd: ROOT,
			encoding: "utf8",
		},
	);
	return output
		.split("\0")
		.filter(
			(file) =>
				/\.tsx?$/.test(file) && !file.includes("/generated/") && existsSync(`${ROOT}/${file}`),
		)
		.map((file) => ({
			path: file.slice(SERVER_SOURCE.length),
			source: readFileSync(`${ROOT}/${file}`, "utf8"),
		}));
}

describe("the sync-server's floors", () => {
	it("no file imports from a floor above its own", () => {
		const files = serverFiles();
		expect(files.length).toBeGreaterThan(100);
		expect(findLayerViolations(files)).toEqual([]);
	});

	it("catches an upward import, an unmapped file and an import that lands on no floor", () => {
		const violations = findLayerViolations([
			// persistence may not know about commands (the shape this rule once had to fix).
			{
				path: "persistence/doc-store.ts",
				source: 'import { x } from "../commands/retryable-errors.ts";',
			},
			{
				path: "pipeline/command-pipeline.ts",
				source: 'import type { Y } from "../http/unstorable-text.ts";',
			},
			{ path: "auth/authenticator.ts", source: 'export { ApiError } from "../http/api-error.ts";' },
			{ path: "attic/old.ts", source: "" },
			{ path: "http/app.ts", source: 'import "../attic/old.ts";' },
		]);
		expect(violations.map((v) => [v.file, v.imports])).toEqual([
			["persistence/doc-store.ts", "commands/retryable-errors.ts"],
			["pipeline/command-pipeline.ts", "http/unstorable-text.ts"],
			["auth/authenticator.ts", "http/api-error.ts"],
			["attic/old.ts", ""],
			["http/app.ts", "attic/old.ts"],
		]);
	});

	it("lets a file import its own floor, the floors below and packages", () => {
		expect(
			findLayerViolations([
				{
					path: "http/routes/contacts.ts",
					source: [
						'import express from "express";',
						'import { ApiError } from "../../errors/api-error.ts";',
						'import { CommandPipeline } from "../../pipeline/command-pipeline.ts";',
						'import { submit } from "../submit-command.ts";',
						'import pkg from "../../../package.json" with { type: "json" };',
					].join("\n"),
				},
				{
					path: "queries/visitor-profile.ts",
					source: 'import { toPublicVisitor } from "../support/support-state.ts";',
				},
			]),
		).toEqual([]);
	});
});
