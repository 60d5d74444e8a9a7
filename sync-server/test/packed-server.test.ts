// The server as a self-hoster gets it: `npm pack` (which builds it), `npm install <tarball>` in
// an empty project outside the repository, then `npx cossistant-server …` on plain Node (no
// tsx, no workspace): migrate, start, create-admin and create-key, on PGlite and on PostgreSQL.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, PackedServer, packAndInstall, run } from "./support/packed-install.ts";
import { freePort } from "./support/server-process.ts";

const ORIGIN = "http://localhost:3000";
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
	process.stdout.write(
		"packed-server: DATABASE_URL is unset, so the packed server is checked on PGlite only.\n",
	);
}

let work: string;
let app: string;

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), "cossistant-packed-"));
	app = join(work, "app");
	await packAndInstall(work, app);
}, 480_000);

afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

/** `npx cossistant-server <args>` in the installed project. */
function cli(args: string[], env: Record<string, string>) {
	return run("npx", ["--no", "--", "cossistant-server", ...args], {
		cwd: app,
		env: childEnv(env),
	});
}

async function cliOk(args: string[], env: Record<string, string>) {
	const result = await cli(args, env);
	if (result.code !== 0) {
		throw new Error(
			`cossistant-server ${args.join(" ")} exited with ${result.code}\n${result.stderr}`,
		);
	}
	return result;
}

/** `/healthz`, a visitor bootstrap with `publicKey` and the dashboard's HTML. */
async function expectServing(server: PackedServer, publicKey: string): Promise<string> {
	const health = await fetch(`${server.url}/healthz`);
	expect(health.status).toBe(200);
	const bootstrap = await fetch(`${server.url}/v1/websites`, {
		headers: { "x-public-key": publicKey, origin: ORIGIN },
	});
	expect(bootstrap.status, server.log).toBe(200);
	const body = (await bootstrap.json()) as { website: { id: string }; visitor: { id: string } };
	expect(body.visitor.id).toEqual(expect.any(String));
	const dashboard = await fetch(`${server.url}/dashboard/`);
	expect(dashboard.status).toBe(200);
	expect(dashboard.headers.get("content-type")).toMatch(/^text\/html/);
	expect(await dashboard.text()).toMatch(/<html/i);
	return body.website.id;
}

async function login(server: PackedServer, email: string, password: string): Promise<number> {
	const response = await fetch(`${server.url}/v1/auth/login`, {
		method: "POST",
		headers: { "content-type": "application/json", origin: server.url },
		body: JSON.stringify({ email, password }),
	});
	return response.status;
}

function passwordIn(output: string): string {
	const match = /Password\s+(\S+)/.exec(output);
	if (!match?.[1]) throw new Error(`no password printed:\n${output}`);
	return match[1];
}

// Installing the tarball and starting its server twice takes minutes on a busy 2-core machine.
describe("the packed server", () => {
	it("ships plain JavaScript, its migrations and the built dashboard", async () => {
		const installed = join(app, "node_modules", "@cossistant", "sync-server");
		const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
		expect(manifest.bin).toEqual({ "cossistant-server": "dist/cli.js" });
		expect(readFileSync(join(installed, "dist", "cli.js"), "utf8")).toMatch(
			/^#!\/usr\/bin\/env node\n/,
		);
		for (const file of [
			"compaction-worker.js",
			"migrations",
			"dashboard/index.html",
			"embed/loader.js",
		]) {
			expect(existsSync(join(installed, "dist", file)), file).toBe(true);
		}
		// Nothing from the workspace is needed at run time: no sources, no tsx.
		expect(existsSync(join(installed, "src"))).toBe(false);
		expect(existsSync(join(app, "node_modules", "tsx"))).toBe(false);
		expect(existsSync(join(app, "node_modules", "@cossistant", "types"))).toBe(false);

		const version = await cliOk(["--version"], {});
		expect(version.stdout.trim()).toBe(manifest.version);
		const usage = await cli(
			["create-key", "--website", "x", "--type", "secret", "--env", "test"],
			{},
		);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain("--type");
		const config = await cli(["migrate"], { PORT: "not-a-port" });
		expect(config.code).toBe(78);
		expect(config.stderr).toContain("PORT");
	});

	it("runs on PGlite under DATA_DIR when DATABASE_URL is unset", async () => {
		const env = { DATABASE_URL: "", DATA_DIR: join(work, "data"), LOG_LEVEL: "warn" };
		const migrated = await cliOk(["migrate"], env);
		expect(migrated.stdout).toContain("applied migration");

		const server = new PackedServer(app, await freePort(), env);
		await server.start();
		const demo = JSON.parse(readFileSync(join(env.DATA_DIR, "demo.json"), "utf8"));
		const websiteId = await expectServing(server, demo.publicKey);
		expect(await login(server, demo.agentEmail, demo.agentPassword)).toBe(200);
		expect(await server.stop()).toBe(0);

		// PGlite is one process' database: the admin commands run while the server is stopped.
		const admin = await cliOk(["create-admin", "--email", "owner@example.org"], env);
		expect(admin.stdout).toContain(websiteId);
		const password = passwordIn(admin.stdout);
		const key = await cliOk(
			["create-key", "--website", websiteId, "--type", "public", "--env", "test"],
			env,
		);
		const publicKey = key.stdout.trim();
		expect(publicKey).toMatch(/^pk_test_[A-Za-z0-9_-]+$/);

		const again = new PackedServer(app, server.port, env);
		await again.start();
		try {
			expect(await expectServing(again, publicKey)).toBe(websiteId);
			expect(await login(again, "owner@example.org", password)).toBe(200);
		} finally {
			expect(await again.stop()).toBe(0);
		}
	}, 300_000);

	it.runIf(adminUrl)(
		"runs on PostgreSQL at DATABASE_URL",
		async () => {
			const name = `cossistant_packed_${randomBytes(6).toString("hex")}`;
			const admin = new pg.Client({ connectionString: adminUrl });
			await admin.connect();
			await admin.query(`CREATE DATABASE ${name}`);
			const url = new URL(adminUrl as string);
			url.pathname = `/${name}`;
			const env = {
				DATABASE_URL: url.toString(),
				DATA_DIR: join(work, "pg-data"),
				LOG_LEVEL: "warn",
			};
			const server = new PackedServer(app, await freePort(), env);
			try {
				await cliOk(["migrate"], env);
				await server.start();
				const demo = JSON.parse(readFileSync(join(env.DATA_DIR, "demo.json"), "utf8"));
				const websiteId = await expectServing(server, demo.publicKey);

				// PostgreSQL takes the admin commands while the server runs.
				const created = await cliOk(
					["create-admin", "--email", "ops@example.org", "--password", "correct horse battery"],
					env,
				);
				expect(created.stdout).not.toContain("Password");
				expect(await login(server, "ops@example.org", "correct horse battery")).toBe(200);
				const key = await cliOk(
					["create-key", "--website", websiteId, "--type", "private", "--env", "live"],
					env,
				);
				const secret = key.stdout.trim();
				expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]+$/);
				const list = await fetch(`${server.url}/v1/conversations`, {
					headers: { authorization: `Bearer ${secret}` },
				});
				expect(list.status, await list.clone().text()).toBe(200);
			} finally {
				await server.stop();
				await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await admin.end();
			}
		},
		300_000,
	);
});
