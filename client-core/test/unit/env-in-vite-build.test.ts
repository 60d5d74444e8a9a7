import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Rollup } from "vite";
import { afterAll, expect, it } from "vitest";

// Vite replaces `import.meta.env.VITE_…` in the application's build, dependencies included, only
// where the expression is written out literally. This builds the detection module with Vite and a
// `.env` file, as a Vite app does, and runs the output in Node, where no `import.meta.env` exists:
// the values can only come from what Vite inlined.
const ENV_MODULE = resolve(import.meta.dirname, "../../src/config/env.ts");
const dir = mkdtempSync(join(tmpdir(), "cossistant-env-vite-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("finds VITE_COSSISTANT_API_URL and VITE_COSSISTANT_API_KEY in a Vite build", async () => {
	writeFileSync(
		join(dir, ".env"),
		"VITE_COSSISTANT_API_URL=https://support.example.com/v1\nVITE_COSSISTANT_API_KEY=pk_test_from_vite\n",
	);
	const result = await build({
		configFile: false,
		logLevel: "silent",
		root: dir,
		envDir: dir,
		mode: "production",
		build: {
			write: false,
			minify: false,
			lib: { entry: ENV_MODULE, formats: ["es"], fileName: "env" },
		},
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((output) =>
		"output" in output ? output.output : [],
	);
	const chunk = outputs.find((file): file is Rollup.OutputChunk => file.type === "chunk");
	if (!chunk) throw new Error("Vite produced no chunk");
	const file = join(dir, "env.mjs");
	writeFileSync(file, chunk.code);
	const built = (await import(
		pathToFileURL(file).href
	)) as typeof import("../../src/config/env.ts");
	expect(built.detectApiUrl()).toBe("https://support.example.com/v1");
	expect(built.detectPublicKey()).toBe("pk_test_from_vite");
});
