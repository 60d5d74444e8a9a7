// An attacker guessing passwords or invitation tokens through other spellings of the same
// route. Express routes `/v1/auth/Login`, `/v1/AUTH/LOGIN` and `/v1/auth/login/` to the login
// handler, so every spelling must count against the same lock and be refused once it holds.

import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { loginAgent, startTestServer } from "../support/test-server.ts";

/** Failed logins per email before the lock (the default, spelled out). */
const MAX_FAILURES = 10;
/** Failed token attempts per address before the lock: five times the per-email limit. */
const MAX_TOKEN_FAILURES = MAX_FAILURES * 5;

const LOGIN_SPELLINGS = [
	"/v1/auth/login",
	"/v1/auth/Login",
	"/v1/AUTH/LOGIN",
	"/v1/auth/login/",
	"/v1/Auth/Login/",
];

const INVITE_SPELLINGS = [
	"/v1/auth/accept-invite",
	"/v1/auth/Accept-Invite",
	"/v1/AUTH/ACCEPT-INVITE",
	"/v1/auth/accept-invite/",
];

describe.each(testDatabaseTargets())("login lockout through path variants on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let adminToken: string;
	let websiteId: string;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, { LOGIN_MAX_FAILURES: String(MAX_FAILURES) });
		adminToken = (await loginAgent(server)).token;
		websiteId = server.demo?.websiteId ?? "";
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	const post = async (path: string, body: unknown, token?: string) => {
		const headers: Record<string, string> = { "content-type": "application/json" };
		if (token) headers.authorization = `Bearer ${token}`;
		const response = await fetch(`${server.url}${path}`, {
			method: "POST",
			headers,
			body: JSON.stringify(body),
		});
		const json = (await response.json().catch(() => null)) as {
			error?: { code: string };
		} | null;
		return { status: response.status, code: json?.error?.code, body: json };
	};

	/** A fresh agent of the demo website, created with a password by its admin. */
	const newAgent = async () => {
		const email = `victim-${uuidv7()}@example.com`;
		const password = `pw-${uuidv7()}`;
		const created = await post(
			`/v1/websites/${websiteId}/agents`,
			{ email, name: "Victim", role: "agent", password },
			adminToken,
		);
		expect(created.status).toBe(201);
		return { email, password };
	};

	it("refuses the right password on every spelling once the canonical path locked the email", async () => {
		const victim = await newAgent();
		for (let i = 0; i < MAX_FAILURES; i++) {
			const guess = await post("/v1/auth/login", { email: victim.email, password: `guess-${i}` });
			expect(guess.status).toBe(401);
		}
		for (const path of LOGIN_SPELLINGS) {
			const attempt = await post(path, victim);
			expect(attempt.status, path).toBe(429);
			expect(attempt.code, path).toBe("rate_limited");
		}
	});

	it("counts guesses sent to any spelling against the same lock", async () => {
		const victim = await newAgent();
		for (let i = 0; i < MAX_FAILURES; i++) {
			const path = LOGIN_SPELLINGS[i % LOGIN_SPELLINGS.length] ?? "/v1/auth/login";
			const guess = await post(path, { email: victim.email, password: `guess-${i}` });
			// The variants do reach the login handler: a wrong password, not a 404.
			expect(guess.status, path).toBe(401);
			expect(guess.code, path).toBe("invalid_credentials");
		}
		for (const path of LOGIN_SPELLINGS) {
			expect((await post(path, victim)).status, path).toBe(429);
		}
	});

	it("locks the address after too many wrong invitation tokens, whatever the spelling", async () => {
		const invited = await post(
			`/v1/websites/${websiteId}/agents`,
			{ email: `invitee-${uuidv7()}@example.com`, name: "Invitee", role: "agent" },
			adminToken,
		);
		expect(invited.status).toBe(201);
		const token = (invited.body as { inviteToken: string }).inviteToken;
		for (let i = 0; i < MAX_TOKEN_FAILURES; i++) {
			const path = INVITE_SPELLINGS[i % INVITE_SPELLINGS.length] ?? "/v1/auth/accept-invite";
			const guess = await post(path, { token: `inv_guess${i}`, password: "a long password" });
			expect(guess.status, path).toBe(404);
		}
		for (const path of INVITE_SPELLINGS) {
			const attempt = await post(path, { token, password: "a long password" });
			expect(attempt.status, path).toBe(429);
			expect(attempt.code, path).toBe("rate_limited");
		}
		// Logins are limited separately: the agents of this address still sign in.
		expect((await loginAgent(server)).token).toMatch(/^st_/);
	});
});
