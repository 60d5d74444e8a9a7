// An admin of one website tries to take over another website's agent: attach the account to
// its own website without the owner's consent, learn which emails have accounts, and act on the
// account beyond its own website. Website A is the demo website; website B is the attacker's.

import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { createTeamSite } from "../support/team-fixtures.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { loginAgent, startTestServer } from "../support/test-server.ts";

interface Answer {
	status: number;
	// biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON answers
	body: any;
}

/** The keys of a JSON value, recursively: what "the same body shape" means here. */
function shape(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shape);
	if (value && typeof value === "object") {
		return Object.fromEntries(
			Object.entries(value)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([key, inner]) => [key, shape(inner)]),
		);
	}
	return typeof value;
}

describe.each(testDatabaseTargets())("attaching another website's agent on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let siteA: string;
	let adminA: string;
	let siteB: string;
	let adminB: string;
	let alice: { id: string; email: string; password: string; token: string };

	const call = async (method: string, path: string, token?: string, body?: unknown) => {
		const headers: Record<string, string> = {};
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers["content-type"] = "application/json";
		const response = await fetch(`${server.apiUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : null } as Answer;
	};

	const me = async (token: string) => (await call("GET", "/auth/me", token)).body;
	const team = async (websiteId: string, token: string) =>
		(await call("GET", `/websites/${websiteId}/agents`, token)).body as {
			agents: Array<{ id: string; role: string }>;
		};

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		siteA = server.demo?.websiteId ?? "";
		adminA = (await loginAgent(server)).token;
		const b = await createTeamSite(server, "Mallory");
		siteB = b.websiteId;
		adminB = b.agent.token;

		const email = `alice-${uuidv7()}@example.com`;
		const password = `pw-${uuidv7()}`;
		const created = await call("POST", `/websites/${siteA}/agents`, adminA, {
			email,
			name: "Alice",
			role: "agent",
			password,
		});
		expect(created.status).toBe(201);
		const session = await call("POST", "/auth/login", undefined, { email, password });
		alice = { id: created.body.agent.id, email, password, token: session.body.token };
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	it("answers an existing account exactly as an unknown email, and attaches nobody", async () => {
		const attached = await call("POST", `/websites/${siteB}/agents`, adminB, {
			email: alice.email.toUpperCase(),
			name: "Alice",
			role: "admin",
		});
		const unknown = await call("POST", `/websites/${siteB}/agents`, adminB, {
			email: `nobody-${uuidv7()}@example.com`,
			name: "Nobody",
			role: "admin",
		});
		expect(attached.status).toBe(201);
		expect(unknown.status).toBe(201);
		expect(shape(attached.body)).toEqual(shape(unknown.body));
		// Nothing of the account leaks: no id, no name but the one the admin typed.
		expect(attached.body.agent).toBeUndefined();
		expect(JSON.stringify(attached.body)).not.toContain(alice.id);

		// Alice is still on website A only, and website B's team does not list her.
		expect((await me(alice.token)).websiteIds).toEqual([siteA]);
		expect((await team(siteB, adminB)).agents.map((a) => a.id)).not.toContain(alice.id);
		// Website B's admin cannot reach her through website A either.
		const patch = await call("PATCH", `/websites/${siteA}/agents/${alice.id}`, adminB, {
			role: "admin",
		});
		expect(patch.status).toBe(404);
		expect((await call("DELETE", `/websites/${siteA}/agents/${alice.id}`, adminB)).status).toBe(
			404,
		);
		// Website A's admin still manages its member.
		const promoted = await call("PATCH", `/websites/${siteA}/agents/${alice.id}`, adminA, {
			role: "admin",
		});
		expect(promoted.status).toBe(200);
		expect(promoted.body.agent.role).toBe("admin");
		const demoted = await call("PATCH", `/websites/${siteA}/agents/${alice.id}`, adminA, {
			role: "agent",
		});
		expect(demoted.status).toBe(200);
	});

	it("gives the invitation token to nobody but the invited account", async () => {
		const invited = await call("POST", `/websites/${siteB}/agents`, adminB, {
			email: alice.email,
			name: "Alice",
			role: "admin",
		});
		const token: string = invited.body.inviteToken;
		// The issuing admin redeeming it with its own session: not its invitation.
		const stolen = await call("POST", "/invitations/accept", adminB, { token });
		expect(stolen.status).toBe(404);
		expect(stolen.body.error.code).toBe("not_found");
		// Nor does it create a second account or reset Alice's password without a session.
		const reset = await call("POST", "/auth/accept-invite", undefined, {
			token,
			password: "attacker chosen password",
		});
		expect(reset.status).toBe(409);
		const relogin = await call("POST", "/auth/login", undefined, {
			email: alice.email,
			password: alice.password,
		});
		expect(relogin.status).toBe(200);
		expect((await me(alice.token)).websiteIds).toEqual([siteA]);
	});

	it("lets the owner accept; each website's admin then manages only its own membership", async () => {
		const invited = await call("POST", `/websites/${siteB}/agents`, adminB, {
			email: alice.email,
			name: "Alice",
			role: "admin",
		});
		const accepted = await call("POST", "/invitations/accept", alice.token, {
			token: invited.body.inviteToken,
		});
		expect(accepted.status).toBe(200);
		expect(accepted.body).toEqual({ websiteId: siteB, role: "admin" });
		const after = await me(alice.token);
		expect(new Set(after.websiteIds)).toEqual(new Set([siteA, siteB]));
		expect(after.adminWebsiteIds).toEqual([siteB]);
		// The token is spent.
		const again = await call("POST", "/invitations/accept", alice.token, {
			token: invited.body.inviteToken,
		});
		expect(again.status).toBe(404);

		// Being an admin of B grants nothing on A.
		const onA = await call("POST", `/websites/${siteA}/agents`, alice.token, {
			email: `friend-${uuidv7()}@example.com`,
			name: "Friend",
		});
		expect(onA.status).toBe(403);

		// A's admin still changes Alice's role on A, and that leaves her role on B alone.
		const promoted = await call("PATCH", `/websites/${siteA}/agents/${alice.id}`, adminA, {
			role: "admin",
		});
		expect(promoted.status).toBe(200);
		const demotedOnB = await call("PATCH", `/websites/${siteB}/agents/${alice.id}`, adminB, {
			role: "agent",
		});
		expect(demotedOnB.status).toBe(200);
		const roles = (list: { agents: Array<{ id: string; role: string }> }) =>
			list.agents.find((a) => a.id === alice.id)?.role;
		expect(roles(await team(siteA, adminA))).toBe("admin");
		expect(roles(await team(siteB, adminB))).toBe("agent");
		expect((await me(alice.token)).adminWebsiteIds).toEqual([siteA]);

		// B's admin removes her from B only: her account and website A stay hers.
		expect((await call("DELETE", `/websites/${siteB}/agents/${alice.id}`, adminB)).status).toBe(
			204,
		);
		expect((await me(alice.token)).websiteIds).toEqual([siteA]);
		expect(roles(await team(siteA, adminA))).toBe("admin");
	});
});
