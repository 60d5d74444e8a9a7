// Generates the Prisma client offline.
// Prisma's CLI downloads its native schema engine at start, which fails without network access.
// `prisma generate` never uses that engine, so we point the CLI at a stub file, scoped to this
// one command.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stubDir = join(tmpdir(), "cossistant-prisma-stub");
const stub = join(stubDir, "schema-engine-stub");
if (!existsSync(stub)) {
	mkdirSync(stubDir, { recursive: true });
	writeFileSync(stub, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
}

const result = spawnSync(
	process.execPath,
	["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/schema.prisma"],
	{
		stdio: "inherit",
		env: {
			...process.env,
			PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
			PRISMA_HIDE_UPDATE_MESSAGE: "1",
			CHECKPOINT_DISABLE: "1",
		},
	},
);
process.exit(result.status ?? 1);
