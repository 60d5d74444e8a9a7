import { uuidv7 } from "uuidv7";
import { type ApiKeyEnvironment, type ApiKeyKind, generateApiKey } from "../auth/api-keys.ts";
import type { Database } from "../persistence/database.ts";
import { CommandError, UsageError } from "./cli-errors.ts";

/** What `cossistant-server create-key` was asked for (validated by {@link parseKeyInput}). */
export interface KeyInput {
	websiteId: string;
	kind: ApiKeyKind;
	environment: ApiKeyEnvironment;
	name: string;
}

/**
 * Checks the raw option values of `create-key`.
 * @throws UsageError naming the first missing or wrong option.
 */
export function parseKeyInput(options: {
	website?: string | undefined;
	type?: string | undefined;
	env?: string | undefined;
	name?: string | undefined;
}): KeyInput {
	if (!options.website) throw new UsageError("create-key needs --website <id>");
	const kind = options.type;
	if (kind !== "public" && kind !== "private") {
		throw new UsageError(`--type ${JSON.stringify(kind ?? null)}: must be public or private`);
	}
	const environment = options.env;
	if (environment !== "test" && environment !== "live") {
		throw new UsageError(`--env ${JSON.stringify(environment ?? null)}: must be test or live`);
	}
	const name = (
		options.name ?? `${kind === "public" ? "Public" : "Private"} ${environment} key`
	).trim();
	if (name.length < 1 || name.length > 100)
		throw new UsageError("--name: must be 1 to 100 characters");
	return { websiteId: options.website, kind, environment, name };
}

/**
 * Creates an API key for a website, as an admin would in the dashboard: a private key is
 * stored only as its SHA-256, so the returned value is the one chance to copy it.
 * @throws CommandError when the website does not exist.
 */
export async function createKey(db: Database, input: KeyInput): Promise<string> {
	const website = await db.prisma.website.findUnique({ where: { id: input.websiteId } });
	if (!website) throw new CommandError(`No website with id ${input.websiteId}.`);
	const key = generateApiKey(input.kind, input.environment);
	await db.prisma.apiKey.create({
		data: {
			id: uuidv7(),
			websiteId: website.id,
			kind: input.kind,
			environment: input.environment,
			name: input.name,
			prefix: key.prefix,
			keyHash: key.hash,
			publicValue: input.kind === "public" ? key.value : null,
		},
	});
	return key.value;
}
