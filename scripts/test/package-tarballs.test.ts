import { execFileSync } from "node:child_process";
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without declarations
import { PUBLIC_PACKAGES, packPackages, REPO_ROOT } from "../pack-packages.mjs";

// What npm would publish: each public package built (turbo, cached), packed with `npm pack` and
// unpacked as an application's node_modules would hold it, then checked the way consumers and
// their bundlers read it.

interface PublicPackage {
	dir: string;
	name: string;
}
interface Manifest {
	name: string;
	version: string;
	exports: Record<string, unknown>;
	dependencies?: Record<string, string>;
}

/** The repository-only condition: it points at src/, which is deliberately not published. */
const SOURCE_CONDITION = "@cossistant/source";

const work = mkdtempSync(join(tmpdir(), "cossistant-tarballs-"));
const consumer = join(work, "app");
const unpacked = new Map<string, string>();

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Every export target of a manifest, with the conditions that lead to it. */
function exportTargets(value: unknown, path: string[] = []): Array<[string[], string]> {
	if (typeof value === "string") return [[path, value]];
	if (value === null || typeof value !== "object") return [];
	return Object.entries(value).flatMap(([key, inner]) => exportTargets(inner, [...path, key]));
}

beforeAll(() => {
	execFileSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "ignore" });
	const tarballs: string[] = packPackages(join(work, "packs"));
	const scope = join(consumer, "node_modules/@cossistant");
	mkdirSync(scope, { recursive: true });
	for (const [index, tarball] of tarballs.entries()) {
		const { name } = (PUBLIC_PACKAGES as PublicPackage[])[index] as PublicPackage;
		const target = join(scope, name.slice("@cossistant/".length));
		mkdirSync(target);
		execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
		unpacked.set(name, target);
	}
	// Their dependencies from the repository, but neither Node's types nor the sources.
	const repoModules = join(REPO_ROOT, "node_modules");
	for (const entry of readdirSync(repoModules)) {
		if (entry === "@cossistant" || entry === "@types" || entry.startsWith(".")) continue;
		symlinkSync(join(repoModules, entry), join(consumer, "node_modules", entry));
	}
	mkdirSync(join(consumer, "node_modules/@types"));
	for (const types of ["react", "react-dom"]) {
		symlinkSync(join(repoModules, "@types", types), join(consumer, "node_modules/@types", types));
	}
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(PUBLIC_PACKAGES as PublicPackage[])("$name tarball", ({ name }) => {
	const dir = () => unpacked.get(name) as string;
	const manifest = () => JSON.parse(readFileSync(join(dir(), "package.json"), "utf8")) as Manifest;

	it("ships dist/, README.md, LICENSE and package.json only: no sources, no tests", () => {
		const files = filesUnder(dir());
		expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
		for (const file of files) {
			expect(file, file).toMatch(/^(dist\/|package\.json$|README\.md$|LICENSE$)/);
			expect(file, file).not.toMatch(/(^|\/)(test|tests|__tests__)\/|\.test(-d)?\.|\.spec\./);
			if (/\.(ts|tsx|mts|cts)$/.test(file)) expect(file, file).toMatch(/\.d\.ts$/);
		}
	});

	it("has a file behind every export target", () => {
		const targets = exportTargets(manifest().exports);
		expect(targets.length).toBeGreaterThan(0);
		for (const [conditions, target] of targets) {
			if (conditions.includes(SOURCE_CONDITION)) continue;
			expect(existsSync(join(dir(), target)), `${conditions.join(" → ")}: ${target}`).toBe(true);
		}
	});

	it("imports no .ts paths, in code or declarations", () => {
		for (const file of filesUnder(dir()).filter((path) => /\.(js|d\.ts)$/.test(path))) {
			const text = readFileSync(join(dir(), file), "utf8");
			expect(text, file).not.toMatch(/(?:from\s*|import\s*\(\s*|import\s+)["'][^"']+\.tsx?["']/);
		}
	});

	it("depends on the other packages at this release's version", () => {
		const { dependencies = {}, version } = manifest();
		for (const [dependency, range] of Object.entries(dependencies)) {
			if (dependency.startsWith("@cossistant/")) expect(range, dependency).toBe(version);
		}
	});
});

describe("what bundlers and frameworks rely on", () => {
	const read = (name: string, file: string) =>
		readFileSync(join(unpacked.get(name) as string, file), "utf8");

	it('keeps "use client" first in the client modules of @cossistant/react and @cossistant/next', () => {
		const clientModules: Array<[string, string]> = [
			["@cossistant/react", "dist/index.js"],
			["@cossistant/react", "dist/support.js"],
			["@cossistant/next", "dist/client.js"],
			["@cossistant/next", "dist/support.js"],
			["@cossistant/next", "dist/provider/support-provider.js"],
		];
		for (const [name, file] of clientModules) {
			expect(read(name, file).trimStart(), `${name}/${file}`).toMatch(/^["']use client["'];/);
		}
		// The Server Component entry is not a client module; it imports the client one.
		const server = read("@cossistant/next", "dist/index.react-server.js");
		expect(server).not.toMatch(/^["']use client["']/);
		expect(server).toContain('from "./client.js"');
	});

	it("ships the stylesheets of @cossistant/react and @cossistant/next", () => {
		expect(read("@cossistant/react", "dist/styles.css")).toContain(".cossistant");
		expect(read("@cossistant/react", "dist/support.css")).toContain("layer");
		expect(read("@cossistant/next", "dist/styles.css")).toContain("@cossistant/react/styles.css");
	});

	it("reads the environment with the literal names Vite and Next.js replace", () => {
		const core = filesUnder(join(unpacked.get("@cossistant/core") as string, "dist"))
			.filter((file) => file.endsWith(".js"))
			.map((file) => read("@cossistant/core", join("dist", file)))
			.join("\n");
		for (const literal of [
			"import.meta.env.VITE_COSSISTANT_API_URL",
			"process.env.NEXT_PUBLIC_COSSISTANT_API_URL",
			"process.env.COSSISTANT_API_URL",
			"import.meta.env.VITE_COSSISTANT_API_KEY",
			"process.env.NEXT_PUBLIC_COSSISTANT_API_KEY",
		]) {
			expect(core).toContain(literal);
		}
	});

	it("type-checks an application importing every entry without @types/node", () => {
		const entries = (PUBLIC_PACKAGES as PublicPackage[]).flatMap(({ name }) =>
			Object.keys(
				(
					JSON.parse(
						readFileSync(join(unpacked.get(name) as string, "package.json"), "utf8"),
					) as Manifest
				).exports,
			)
				.filter((subpath) => !/\.(css|json)$/.test(subpath))
				.map((subpath) => (subpath === "." ? name : `${name}/${subpath.slice(2)}`)),
		);
		const source = entries.map((entry, index) => `import * as entry${index} from "${entry}";`);
		source.push(`export const all = [${entries.map((_, index) => `entry${index}`).join(", ")}];`);
		writeFileSync(join(consumer, "index.ts"), `${source.join("\n")}\n`);
		writeFileSync(
			join(consumer, "tsconfig.json"),
			JSON.stringify({
				compilerOptions: {
					target: "ES2022",
					module: "ESNext",
					moduleResolution: "Bundler",
					lib: ["ES2022", "DOM", "DOM.Iterable"],
					jsx: "react-jsx",
					strict: true,
					noEmit: true,
					types: [],
					skipLibCheck: false,
				},
				files: ["index.ts"],
			}),
		);
		const tsc = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
		let output: string;
		try {
			output = execFileSync(process.execPath, [tsc, "-p", consumer, "--listFiles"], {
				encoding: "utf8",
			});
		} catch (error) {
			output = String((error as { stdout?: string }).stdout ?? error);
		}
		const lines = output.split("\n");
		// The published declarations were the ones read, and Node's types were not.
		expect(lines).toContainEqual(expect.stringMatching(/@cossistant\/next\/dist\/index\.d\.ts$/));
		expect(lines).not.toContainEqual(expect.stringMatching(/@types\/node\//));
		// Only our declarations matter here: third-party libraries carry their own.
		const errors = lines.filter(
			(line) => /error TS\d+/.test(line) && line.includes("@cossistant/"),
		);
		expect(errors).toEqual([]);
	});
});
