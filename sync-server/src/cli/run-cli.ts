import { parseArgs } from "node:util";
import packageJson from "../../package.json" with { type: "json" };
import { ConfigError, loadConfig, type ServerConfig } from "../config.ts";
import { CommandError, EXIT_CODES, UsageError } from "./cli-errors.ts";
import { createAdmin, parseAdminInput } from "./create-admin.ts";
import { createKey, parseKeyInput } from "./create-key.ts";
import { runStart } from "./start.ts";
import { describeDatabase, withDatabase } from "./with-database.ts";

const NAME = "cossistant-server";

const USAGE = `Usage: ${NAME} <command> [options]

Commands:
  start          Apply pending migrations and run the server (REST, WebSocket, dashboard)
  migrate        Apply pending migrations, then exit
  create-admin   Create an admin agent (the first one, or one more)
  create-key     Create an API key for a website and print it once

Options:
  -h, --help     Show this help (or a command's: ${NAME} <command> --help)
  -v, --version  Print the version

Configuration comes from the environment: DATABASE_URL (unset: embedded PGlite under
DATA_DIR, default ./.data), PORT, HOST, PUBLIC_URL, REDIS_URL, TRUST_PROXY, AUTH_SECRET, …
Exit codes: 0 done, 1 failed, 2 bad arguments, 78 invalid configuration.
`;

/** Each command: its help, its options (node:util parseArgs) and what it does. */
const COMMANDS: Record<
	string,
	{
		usage: string;
		options: Record<string, { type: "string" | "boolean"; short?: string }>;
		run: (
			config: ServerConfig,
			values: Record<string, string | boolean | undefined>,
		) => Promise<void>;
	}
> = {
	start: {
		usage: `Usage: ${NAME} start

Applies pending migrations, seeds a demo website and admin on an empty database (SEED_DEMO=false
to skip; its key and login are written to DATA_DIR/demo.json) and serves on HOST:PORT until
SIGTERM or SIGINT.
`,
		options: {},
		run: (config) => runStart(config),
	},
	migrate: {
		usage: `Usage: ${NAME} migrate

Applies the pending database migrations and exits. Run it before starting a new version; on
PostgreSQL it may run while older servers still serve (each migration is one transaction).
`,
		options: {},
		run: async (config) => {
			const log = (message: string) => process.stdout.write(`${message}\n`);
			log(`Migrating ${describeDatabase(config)}`);
			await withDatabase(config, log, async () => {});
			log("The database is up to date.");
		},
	},
	"create-admin": {
		usage: `Usage: ${NAME} create-admin --email <address> [--password <password>] [--name <name>]
                    [--website-name <name> | --website <id>]

Creates an admin agent and prints its login. Without --password a password is generated and
printed once (a password on the command line may stay in your shell's history).
On an install without websites it also creates the first website (--website-name, default
"My website") and its pk_test_… key, like the dashboard's first-run setup. On an install with
one website the admin joins it; with several, name it with --website <id>, or create a new one
with --website-name. An email that already has an account only becomes an admin of the website.
On PGlite (no DATABASE_URL), stop the server first: only one process may open its data.
`,
		options: {
			email: { type: "string" },
			password: { type: "string" },
			name: { type: "string" },
			website: { type: "string" },
			"website-name": { type: "string" },
		},
		run: async (config, values) => {
			const input = parseAdminInput(values as Record<string, string | undefined>);
			const result = await withDatabase(config, log, (db) => createAdmin(db, input));
			const lines = [
				result.existingAccount
					? `${result.email} (an existing account) is now an admin of the website.`
					: "Admin created.",
				`  Website    ${result.website.name} (${result.website.id})${result.website.created ? ", created" : ""}`,
				...(result.publicKey ? [`  Public key ${result.publicKey}`] : []),
				`  Email      ${result.email}`,
				...(result.generatedPassword
					? [`  Password   ${result.generatedPassword}   (shown once: store it now)`]
					: []),
			];
			process.stdout.write(`${lines.join("\n")}\n`);
		},
	},
	"create-key": {
		usage: `Usage: ${NAME} create-key --website <id> --type public|private --env test|live [--name <name>]

Creates an API key and prints it alone on standard output, once: a private key (sk_…) is only
stored as a hash. Test keys are accepted from localhost origins; live keys only from the
website's allowed origins (public) or from servers (private).
On PGlite (no DATABASE_URL), stop the server first: only one process may open its data.
`,
		options: {
			website: { type: "string" },
			type: { type: "string" },
			env: { type: "string" },
			name: { type: "string" },
		},
		run: async (config, values) => {
			const input = parseKeyInput(values as Record<string, string | undefined>);
			const key = await withDatabase(config, log, (db) => createKey(db, input));
			process.stderr.write(
				`Created a ${input.kind} ${input.environment} key for website ${input.websiteId}; it is shown only this once:\n`,
			);
			process.stdout.write(`${key}\n`);
		},
	},
};

/** Progress of database commands goes to standard error: standard output carries the result. */
function log(message: string): void {
	process.stderr.write(`${message}\n`);
}

/**
 * Runs `cossistant-server <command> [options]`.
 * @param argv - the arguments after the executable and script (`process.argv.slice(2)`).
 * @param env - the environment the configuration is read from.
 * @returns the exit code; `start` resolves once the server listens and keeps the process alive.
 */
export async function runCli(
	argv: readonly string[],
	env: Record<string, string | undefined> = process.env,
): Promise<number> {
	const [command, ...rest] = argv;
	try {
		if (command === "--version" || command === "-v") {
			process.stdout.write(`${packageJson.version}\n`);
			return EXIT_CODES.ok;
		}
		if (command === "--help" || command === "-h" || command === "help") {
			const topic = command === "help" && rest[0] ? COMMANDS[rest[0]] : undefined;
			process.stdout.write(topic?.usage ?? USAGE);
			return EXIT_CODES.ok;
		}
		if (command === undefined) {
			process.stderr.write(USAGE);
			return EXIT_CODES.usage;
		}
		const spec = COMMANDS[command];
		if (!spec) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
		if (rest.includes("--help") || rest.includes("-h")) {
			process.stdout.write(spec.usage);
			return EXIT_CODES.ok;
		}
		let values: Record<string, string | boolean | undefined>;
		try {
			({ values } = parseArgs({ args: [...rest], options: spec.options, strict: true }));
		} catch (error) {
			// parseArgs' messages name the option ("Unknown option '--foo'…"): pass them on.
			throw new UsageError(error instanceof Error ? error.message : String(error));
		}
		await spec.run(loadConfig(env), values);
		return EXIT_CODES.ok;
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`${NAME}: ${error.message}\nRun '${NAME} --help' for usage.\n`);
			return EXIT_CODES.usage;
		}
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n`);
			return EXIT_CODES.config;
		}
		const message = error instanceof CommandError ? error.message : describeFailure(error);
		process.stderr.write(`${NAME} ${command}: ${message}\n`);
		return EXIT_CODES.failure;
	}
}

/** An unexpected failure: its message and causes (a refused connection says where it went). */
function describeFailure(error: unknown): string {
	const parts: string[] = [];
	for (let cause = error; cause && parts.length < 4; cause = (cause as { cause?: unknown }).cause) {
		parts.push(cause instanceof Error ? cause.message || cause.name : String(cause));
	}
	return parts.join(": ") || "failed";
}
