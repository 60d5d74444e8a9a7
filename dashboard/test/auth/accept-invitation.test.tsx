// @vitest-environment happy-dom
// The "Accept invitation" page against a real sync-server (child process, PGlite): an admin
// invites through the API, the page opens on the link's fragment, and the person creates an
// account, signs in to an existing one, or joins while signed in. Each outcome is read back
// from the server; a used code and someone else's code are explained.

import { AgentSession } from "@cossistant/core/agent";
import {
	type AgentListResponse,
	type CreateAgentResponse,
	websiteSettingsSchema,
} from "@cossistant/types";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import * as v from "valibot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../react-sdk/test/support/axe.ts";
import { AcceptInvitationPage, INVITATION_GONE } from "../../src/auth/accept-invitation-page.tsx";
import { WEBSITE_KEY } from "../../src/config.ts";
import { invitationLink } from "../../src/invitation-link.ts";
import {
	type DashboardServer,
	login,
	startDashboardServer,
} from "../settings/support/dashboard-server.ts";

const SLOW = { timeout: 20_000 };
const EMAIL = "nadia@example.com";
const PASSWORD = "a long enough password";

describe("<AcceptInvitationPage /> against a real sync-server", () => {
	let ctx: DashboardServer;
	let websiteName: string;

	beforeAll(async () => {
		ctx = await startDashboardServer();
		websiteName = v.parse(
			websiteSettingsSchema,
			await ctx.request(`/websites/${ctx.websiteId}/settings`),
		).name;
	}, 120_000);
	afterEach(() => {
		cleanup();
		localStorage.clear();
	});
	afterAll(async () => {
		await ctx?.stop();
	});

	/** The admin invites `EMAIL`; the browser is on the link the settings page shows. */
	async function invite(): Promise<string> {
		const answer = await ctx.request<CreateAgentResponse>(`/websites/${ctx.websiteId}/agents`, {
			method: "POST",
			body: { email: EMAIL, name: "Nadia", role: "agent" },
		});
		if (!("inviteToken" in answer)) throw new Error("expected an invitation");
		const link = new URL(invitationLink(answer.inviteToken, websiteName));
		window.history.replaceState(null, "", link.pathname + link.hash);
		return answer.inviteToken;
	}

	function open(session = new AgentSession({ apiUrl: ctx.server.demo.apiUrl })) {
		render(<AcceptInvitationPage session={session} />);
		return session;
	}

	async function nadiaMembership() {
		const team = await ctx.request<AgentListResponse>(`/websites/${ctx.websiteId}/agents`);
		return team.agents.find((agent) => agent.email === EMAIL);
	}

	/** Removes Nadia from the website: her account stays, without this website. */
	async function removeNadia() {
		const member = await nadiaMembership();
		if (member)
			await ctx.request(`/websites/${ctx.websiteId}/agents/${member.id}`, { method: "DELETE" });
	}

	it("creates the invited person's account, signs in and opens the joined website's inbox", async () => {
		await invite();
		const session = open();
		const form = await screen.findByRole("form", { name: "Accept invitation" });
		expect(form.textContent).toContain(`${websiteName} invited you`);
		expect(await axeViolations(document.body)).toEqual([]);

		fireEvent.change(within(form).getByLabelText("Your name"), {
			target: { value: "Nadia Haddad" },
		});
		fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: "short" } });
		const submit = within(form).getByRole("button", {
			name: `Create account and join ${websiteName}`,
		});
		fireEvent.click(submit);
		expect((await within(form).findByRole("alert")).textContent).toMatch(/^Password: /);
		expect(session.current).toBeNull();

		fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: PASSWORD } });
		fireEvent.click(submit);
		await screen.findByText("Joined. Opening the inbox…", {}, SLOW);
		expect(session.current?.user.email).toBe(EMAIL);
		expect(session.current?.websiteIds).toEqual([ctx.websiteId]);
		expect(localStorage.getItem(WEBSITE_KEY)).toBe(ctx.websiteId);
		// The code left the address bar with the page.
		expect(window.location.pathname).toBe("/dashboard/");
		expect(window.location.hash).toBe("");
		expect((await login(ctx.server, EMAIL, PASSWORD)).user.name).toBe("Nadia Haddad");
		expect((await nadiaMembership())?.role).toBe("agent");
	});

	it("says a used invitation is no longer valid", async () => {
		await removeNadia();
		const token = await invite();
		// The code is used up elsewhere (another tab, another device) before the link is opened.
		const nadia = new AgentSession({ apiUrl: ctx.server.demo.apiUrl });
		await nadia.login(EMAIL, PASSWORD);
		await nadia.acceptInvitation(token);
		nadia.clear();

		open();
		const form = await screen.findByRole("form", { name: "Accept invitation" });
		fireEvent.click(within(form).getByRole("button", { name: "Sign in instead" }));
		const signIn = await screen.findByRole("form", { name: "Accept invitation" });
		fireEvent.change(within(signIn).getByLabelText("Email"), { target: { value: EMAIL } });
		fireEvent.change(within(signIn).getByLabelText("Password"), { target: { value: PASSWORD } });
		fireEvent.click(
			within(signIn).getByRole("button", { name: `Sign in and join ${websiteName}` }),
		);
		// Signed in now: the page turns into the signed-in one, with the reason.
		const page = await screen.findByRole("region", { name: "Accept invitation" }, SLOW);
		expect((await within(page).findByRole("alert", {}, SLOW)).textContent).toContain(
			INVITATION_GONE,
		);
		expect(within(page).getByText("Signed in as", { exact: false })).toBeTruthy();
	});

	it("sends an existing account that tries to create one to sign in, then joins", async () => {
		await removeNadia();
		await invite();
		const session = open();
		const form = await screen.findByRole("form", { name: "Accept invitation" });
		fireEvent.change(within(form).getByLabelText("Your name"), { target: { value: "Nadia" } });
		fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: PASSWORD } });
		fireEvent.click(
			within(form).getByRole("button", { name: `Create account and join ${websiteName}` }),
		);
		const signIn = await screen.findByRole("form", { name: "Accept invitation" });
		expect((await within(signIn).findByRole("alert", {}, SLOW)).textContent).toContain(
			"sign in to accept",
		);
		fireEvent.change(within(signIn).getByLabelText("Email"), { target: { value: EMAIL } });
		fireEvent.change(within(signIn).getByLabelText("Password"), { target: { value: PASSWORD } });
		fireEvent.click(
			within(signIn).getByRole("button", { name: `Sign in and join ${websiteName}` }),
		);
		await screen.findByText("Joined. Opening the inbox…", {}, SLOW);
		expect(session.current?.websiteIds).toEqual([ctx.websiteId]);
		expect(await nadiaMembership()).toBeTruthy();
	});

	it("joins while signed in, and refuses someone else's invitation without using it", async () => {
		await removeNadia();
		await invite();
		const admin = new AgentSession({ apiUrl: ctx.server.demo.apiUrl });
		await admin.login(ctx.server.demo.agentEmail, ctx.server.demo.agentPassword);
		open(admin);
		const page = await screen.findByRole("region", { name: "Accept invitation" });
		fireEvent.click(within(page).getByRole("button", { name: `Join ${websiteName}` }));
		const refused = await within(page).findByRole("alert", {}, SLOW);
		expect(refused.textContent).toContain(INVITATION_GONE);
		expect(refused.textContent).toContain(ctx.server.demo.agentEmail);
		cleanup();

		const nadia = new AgentSession({ apiUrl: ctx.server.demo.apiUrl });
		await nadia.login(EMAIL, PASSWORD);
		expect(nadia.current?.websiteIds).toEqual([]);
		open(nadia);
		const mine = await screen.findByRole("region", { name: "Accept invitation" });
		expect(mine.textContent).toContain(`Signed in as Nadia Haddad (${EMAIL})`);
		expect(await axeViolations(document.body)).toEqual([]);
		await act(async () => {
			fireEvent.click(within(mine).getByRole("button", { name: `Join ${websiteName}` }));
		});
		await screen.findByText("Joined. Opening the inbox…", {}, SLOW);
		expect(nadia.current?.websiteIds).toEqual([ctx.websiteId]);
		expect(localStorage.getItem(WEBSITE_KEY)).toBe(ctx.websiteId);
	});
});
