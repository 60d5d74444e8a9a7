#!/usr/bin/env node
// The release gate of the public packages: build them (turbo, cached), pack each into a
// temporary folder, then for every tarball run publint (strict), Are the Types Wrong? and
// `npm publish --dry-run`. Exits non-zero on the first failure.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PUBLIC_PACKAGES, packPackages, REPO_ROOT } from "./pack-packages.mjs";

function run(command, args, cwd = REPO_ROOT) {
	console.log(`$ ${[command, ...args].join(" ")}`);
	execFileSync(command, args, { cwd, stdio: "inherit" });
}

run("npm", ["run", "build"]);
const folder = mkdtempSync(join(tmpdir(), "cossistant-packs-"));
try {
	const tarballs = packPackages(folder);
	for (const [index, tarball] of tarballs.entries()) {
		const { dir, name } = PUBLIC_PACKAGES[index];
		console.log(`\n== ${name}`);
		run("npx", ["--no-install", "publint", "run", tarball, "--strict"]);
		// ES modules only, on purpose: the `esm-only` profile skips the CommonJS resolutions
		// (node10, node16 from require). Stylesheets are entry points without types.
		run("npx", [
			"--no-install",
			"attw",
			tarball,
			"--profile",
			"esm-only",
			"--format",
			"ascii",
			"--exclude-entrypoints",
			"./styles.css",
			"./support.css",
		]);
		run("npm", ["publish", "--dry-run", "--tag", "latest"], join(REPO_ROOT, dir));
	}
	console.log(`\n${tarballs.length} packages passed publint, attw and npm publish --dry-run`);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
