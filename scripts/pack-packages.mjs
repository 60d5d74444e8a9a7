#!/usr/bin/env node
// Packs the four public packages with `npm pack` into one folder (default `.packs/`, or the
// folder given as the first argument) and prints each tarball's absolute path, one a line.
// Build first (`npm run build`): the tarballs hold dist/, README.md and LICENSE.
//
//   npm run build && npm run pack:packages            → .packs/cossistant-types-0.1.0.tgz, …
//   node scripts/pack-packages.mjs /tmp/cossistant-packs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../..");

/** The published packages, in dependency order: folder and package name. */
export const PUBLIC_PACKAGES = [
	{ dir: "types", name: "@cossistant/types" },
	{ dir: "client-core", name: "@cossistant/core" },
	{ dir: "react-sdk", name: "@cossistant/react" },
	{ dir: "next-sdk", name: "@cossistant/next" },
];

/**
 * Packs every public package into `destination` (emptied first) and returns the tarballs'
 * absolute paths. Throws when a package has not been built.
 */
export function packPackages(destination = join(REPO_ROOT, ".packs")) {
	const target = resolve(destination);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	return PUBLIC_PACKAGES.map(({ dir, name }) => {
		const packageDir = join(REPO_ROOT, dir);
		if (!existsSync(join(packageDir, "dist"))) {
			throw new Error(`${name} is not built (no ${dir}/dist): run \`npm run build\` first`);
		}
		const output = execFileSync("npm", ["pack", "--json", "--pack-destination", target], {
			cwd: packageDir,
			encoding: "utf8",
			stdio: ["ignore", "pipe", "inherit"],
		});
		const [packed] = JSON.parse(output);
		return join(target, packed.filename);
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	for (const tarball of packPackages(process.argv[2])) console.log(tarball);
}
