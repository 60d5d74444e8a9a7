import { EMAIL_PATTERN, newPasswordSchema } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import { generateApiKey } from "../auth/api-keys.ts";
import { randomToken } from "../auth/crypto-helpers.ts";
import { hashPassword } from "../auth/passwords.ts";
import { SETUP_LOCK_ID } from "../http/routes/setup.ts";
import type { Database } from "../persistence/database.ts";
import { CommandError, UsageError } from "./cli-errors.ts";

/** What `cossistant-server create-admin` was asked for (validated by {@link parseAdminInput}). */
export interface AdminInput {
	email: string;
	name: string;
	/** Null: generate one (and print it). */
	password: string | null;
	/** Make the admin an admin of this website. */
	websiteId: string | null;
	/** Create a website of this name for the admin. */
	websiteName: string | null;
}

/** What was created, for the command's output. */
export interface AdminResult {
	email: string;
	/** The generated password, or null when one was given (or the account existed). */
	generatedPassword: string | null;
	/** True when the email already had an account: it only became an admin of the website. */
	existingAccount: boolean;
	website: { id: string; name: string; created: boolean };
	/** The first `pk_test_…` key of a website this command created. */
	publicKey: string | null;
}

const emailSchema = v.pipe(
	v.string(),
	v.regex(EMAIL_PATTERN, "Invalid email address"),
	v.maxLength(320),
);
const nameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

/**
 * Checks the raw option values of `create-admin`.
 * @throws UsageError naming the first wrong option.
 */
export function parseAdminInput(options: {
	email?: string | undefined;
	password?: string | undefined;
	name?: string | undefined;
	website?: string | undefined;
	"website-name"?: string | undefined;
}): AdminInput {
	if (options.email === undefined) throw new UsageError("create-admin needs --email <address>");
	const email = v.safeParse(emailSchema, options.email.trim());
	if (!email.success)
		throw new UsageError(`--email ${JSON.stringify(options.email)}: not an email address`);
	const password = options.password ?? null;
	if (password !== null && !v.safeParse(newPasswordSchema, password).success) {
		throw new UsageError("--password: must be 10 to 256 characters");
	}
	const name = v.safeParse(nameSchema, options.name ?? email.output.split("@")[0]);
	if (!name.success) throw new UsageError("--name: must be 1 to 100 characters");
	const websiteName = options["website-name"];
	if (websiteName !== undefined && !v.safeParse(nameSchema, websiteName).success) {
		throw new UsageError("--website-name: must be 1 to 100 characters");
	}
	if (websiteName !== undefined && options.website !== undefined) {
		throw new UsageError("--website and --website-name exclude each other");
	}
	return {
		email: email.output.toLowerCase(),
		name: name.output,
		password,
		websiteId: options.website ?? null,
		websiteName: websiteName?.trim() ?? null,
	};
}

/**
 * Creates an admin agent, or makes an existing account an admin. The website is the one named
 * by `websiteId`; a new one when `websiteName` is given or the install has none (the first
 * admin of a fresh install, as `POST /v1/setup` would make it); else the install's only website.
 * Runs under the setup route's lock, so it never races a browser finishing the setup.
 * @throws CommandError when the website is unknown or ambiguous, or when `password` is given
 *   for an account that exists (its password is never changed here).
 */
export async function createAdmin(db: Database, input: AdminInput): Promise<AdminResult> {
	const generatedPassword = input.password === null ? randomToken(12) : null;
	// Hashed before the transaction: scrypt takes tens of milliseconds, the lock is held less.
	const passwordHash = await hashPassword(input.password ?? generatedPassword ?? "");
	return db.prisma.$transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_ID})`;

		let website: AdminResult["website"];
		let publicKey: string | null = null;
		const existingWebsite = input.websiteId
			? await tx.website.findUnique({ where: { id: input.websiteId } })
			: null;
		if (input.websiteId && !existingWebsite) {
			throw new CommandError(`No website with id ${input.websiteId}.`);
		}
		const websites = existingWebsite ? [existingWebsite] : await tx.website.findMany({ take: 2 });
		if (existingWebsite || (input.websiteName === null && websites.length === 1)) {
			const only = websites[0] as (typeof websites)[number];
			website = { id: only.id, name: only.name, created: false };
		} else if (input.websiteName === null && websites.length > 1) {
			throw new CommandError(
				"This install has several websites: pass --website <id> (or --website-name <name> to create one).",
			);
		} else {
			const name = input.websiteName ?? "My website";
			const key = generateApiKey("public", "test");
			const id = uuidv7();
			await tx.website.create({
				data: { id, name, allowedOrigins: [], identitySecret: randomToken(32) },
			});
			await tx.apiKey.create({
				data: {
					id: uuidv7(),
					websiteId: id,
					kind: "public",
					environment: "test",
					name: "Default public key",
					prefix: key.prefix,
					keyHash: key.hash,
					publicValue: key.value,
				},
			});
			website = { id, name, created: true };
			publicKey = key.value;
		}

		const existing = await tx.user.findUnique({ where: { email: input.email } });
		if (existing && input.password !== null) {
			throw new CommandError(
				`An account with email ${input.email} exists; its password is not changed here. ` +
					"Leave out --password to make it an admin of the website.",
			);
		}
		const userId = existing?.id ?? uuidv7();
		if (!existing) {
			await tx.user.create({
				data: { id: userId, email: input.email, name: input.name, passwordHash },
			});
		}
		await tx.websiteMember.upsert({
			where: { websiteId_userId: { websiteId: website.id, userId } },
			create: { websiteId: website.id, userId, role: "admin" },
			update: { role: "admin" },
		});
		return {
			email: input.email,
			generatedPassword: existing ? null : generatedPassword,
			existingAccount: existing !== null,
			website,
			publicKey,
		};
	});
}
