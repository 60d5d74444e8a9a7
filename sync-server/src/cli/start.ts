import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerConfig } from "../config.ts";
import { startSyncServer } from "../server.ts";

/**
 * `cossistant-server start` and `npm start`: starts the sync-server, writes the demo's URLs and
 * credentials to `DATA_DIR/demo.json` (when the demo is seeded), prints them, and stops
 * gracefully on SIGTERM / SIGINT (a second signal exits at once).
 */
export async function runStart(config: ServerConfig): Promise<void> {
	const server = await startSyncServer(config);

	if (server.demo) {
		mkdirSync(config.dataDir, { recursive: true });
		const file = join(config.dataDir, "demo.json");
		const previous = readJson(file);
		const demo = {
			apiUrl: server.apiUrl,
			wsUrl: server.wsUrl,
			dashboardUrl: server.dashboardUrl,
			demoUrl: server.demoUrl,
			publicKey: server.demo.publicKey,
			agentEmail: server.demo.agentEmail,
			agentPassword: server.demo.agentPassword ?? previous?.agentPassword ?? null,
		};
		writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`);
		process.stdout.write(
			[
				"",
				"  Cossistant sync-server is running",
				`  REST API     ${demo.apiUrl}`,
				`  WebSocket    ${demo.wsUrl}`,
				`  Dashboard    ${demo.dashboardUrl}`,
				`  Demo page    ${demo.demoUrl ?? "(build the widget embed: node scripts/build-embed.mjs)"}`,
				...(server.widgetLoaderUrl ? [`  Widget tag   ${server.widgetLoaderUrl}`] : []),
				`  Health       ${server.url}/healthz`,
				`  Public key   ${demo.publicKey}`,
				`  Agent login  ${demo.agentEmail} / ${demo.agentPassword ?? "(see the password printed at first start)"}`,
				`  Written to   ${file}`,
				"",
			].join("\n"),
		);
	}

	let signals = 0;
	const shutdown = (signal: string) => {
		signals += 1;
		if (signals > 1) process.exit(1);
		server.logger.info({ signal }, "signal received");
		server.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				server.logger.error({ err: error }, "shutdown failed");
				process.exit(1);
			},
		);
	};
	process.on("SIGTERM", () => shutdown("SIGTERM"));
	process.on("SIGINT", () => shutdown("SIGINT"));
}

function readJson(file: string): { agentPassword?: string | null } | null {
	try {
		return JSON.parse(readFileSync(file, "utf8"));
	} catch {
		return null;
	}
}
