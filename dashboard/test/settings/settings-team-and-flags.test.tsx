// @vitest-environment happy-dom
// The settings page's team and feature flags against a real sync-server (child process,
// PGlite): invitations, roles and flags changed in the page are read back through the REST
// API; agents who are not admins get a read-only page.

import {
	agentListResponseSchema,
	featureFlagsResponseSchema,
	websiteSettingsSchema,
} from "@cossistant/types";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import * as v from "valibot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTeamRequest } from "../../src/api/team-request.ts";
import { readInvitationLink } from "../../src/invitation-link.ts";
import { SettingsPage } from "../../src/settings/settings-page.tsx";
import {
	bootstrapVisitor,
	type DashboardServer,
	login,
	startDashboardServer,
	visitorCall,
} from "./support/dashboard-server.ts";
import { renderAdminPage, SLOW, section, typeInto } from "./support/page-helpers.tsx";

describe("<SettingsPage /> team and feature flags", () => {
	let ctx: DashboardServer;

	beforeAll(async () => {
		ctx = await startDashboardServer();
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await ctx?.stop();
	});

	it("invites an agent with a role: the one-time link is shown, listed as pending, and works", async () => {
		renderAdminPage(ctx);
		const agents = await section("Agents");
		await within(agents).findByRole("list", { name: "Team members" }, SLOW);
		// The settings (the website's name, which the link carries) are in.
		await within(await section("Developers")).findByRole(
			"region",
			{ name: "Allowed domains" },
			SLOW,
		);
		const form = within(agents).getByRole("form", { name: "Invite an agent" });

		await typeInto(form, "Email", "not-an-email");
		await typeInto(form, "Name", "Nadia");
		fireEvent.click(within(form).getByRole("button", { name: "Invite" }));
		expect((await within(form).findByRole("alert")).textContent).toMatch(/^Email: /);
		expect((within(form).getByLabelText("Name") as HTMLInputElement).value).toBe("Nadia");

		await typeInto(form, "Email", "nadia@example.com");
		fireEvent.change(within(form).getByLabelText("Role"), { target: { value: "admin" } });
		fireEvent.click(within(form).getByRole("button", { name: "Invite" }));
		const box = await within(agents).findByRole(
			"region",
			{ name: "Invitation link for nadia@example.com" },
			SLOW,
		);
		const link = new URL(
			(within(box).getByLabelText("Invitation link for nadia@example.com") as HTMLInputElement)
				.value,
		);
		// The dashboard's accept page, the code in the fragment (never sent to a server).
		expect(link.pathname).toBe("/dashboard/invite");
		expect(link.search).toBe("");
		const invitation = readInvitationLink(link.hash);
		const code = invitation?.token ?? "";
		expect(code).toMatch(/^inv_/);
		const { name: websiteName } = v.parse(
			websiteSettingsSchema,
			await ctx.request(`/websites/${ctx.websiteId}/settings`),
		);
		expect(invitation?.websiteName).toBe(websiteName);
		const pending = within(agents).getByRole("list", { name: "Pending invitations" });
		expect(within(pending).getByText("nadia@example.com", { exact: false })).toBeTruthy();
		const listed = v.parse(
			agentListResponseSchema,
			await ctx.request(`/websites/${ctx.websiteId}/agents`),
		);
		expect(listed.invitations).toEqual([
			expect.objectContaining({ email: "nadia@example.com", name: "Nadia", role: "admin" }),
		]);

		const accepted = await fetch(`${ctx.server.demo.apiUrl}/auth/accept-invite`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ token: code, password: "a long enough password" }),
		});
		expect(accepted.status).toBe(200);
		const nadia = await login(ctx.server, "nadia@example.com", "a long enough password");
		expect(nadia.user.role).toBe("admin");

		// Back in the page: the new member shows up after a reload, and her role can be changed.
		cleanup();
		renderAdminPage(ctx);
		const reloaded = await section("Agents");
		const role = await within(reloaded).findByRole("combobox", { name: "Role of Nadia" }, SLOW);
		expect((role as HTMLSelectElement).value).toBe("admin");
		fireEvent.change(role, { target: { value: "agent" } });
		await within(reloaded).findByText("Nadia is now agent.", {}, SLOW);
		const after = v.parse(
			agentListResponseSchema,
			await ctx.request(`/websites/${ctx.websiteId}/agents`),
		);
		expect(after.agents.find((a) => a.email === "nadia@example.com")?.role).toBe("agent");
	});

	it("withdraws an invitation and removes a member, each after a confirmation", async () => {
		const base = `/websites/${ctx.websiteId}/agents`;
		await ctx.request(base, {
			method: "POST",
			body: { email: "maybe@example.com", name: "Maybe", role: "agent" },
		});
		await ctx.request(base, {
			method: "POST",
			body: {
				email: "leaving@example.com",
				name: "Leaving",
				role: "agent",
				password: "a password to remove",
			},
		});
		renderAdminPage(ctx);
		const agents = await section("Agents");
		const pending = await within(agents).findByRole("list", { name: "Pending invitations" }, SLOW);

		fireEvent.click(
			within(pending).getByRole("button", {
				name: "Withdraw the invitation for maybe@example.com",
			}),
		);
		let dialog = await screen.findByRole("alertdialog", {
			name: "Withdraw the invitation for maybe@example.com?",
		});
		fireEvent.click(within(dialog).getByRole("button", { name: "Withdraw invitation" }));
		await within(agents).findByText(
			"The invitation for maybe@example.com was withdrawn.",
			{},
			SLOW,
		);

		fireEvent.click(within(agents).getByRole("button", { name: "Remove Leaving from the team" }));
		dialog = await screen.findByRole("alertdialog", { name: "Remove Leaving from the team?" });
		fireEvent.click(within(dialog).getByRole("button", { name: "Remove agent" }));
		await within(agents).findByText("Leaving was removed from the team.", {}, SLOW);

		const after = v.parse(agentListResponseSchema, await ctx.request(base));
		expect(after.invitations.map((i) => i.email)).not.toContain("maybe@example.com");
		expect(after.agents.map((a) => a.email)).not.toContain("leaving@example.com");
		expect(within(agents).queryByText("Leaving")).toBeNull();
	});

	it("looks up a visitor's feature flags, toggles one and reads it back through the API", async () => {
		const visitor = await bootstrapVisitor(ctx.server);
		renderAdminPage(ctx);
		const flagsSection = await section("Feature flags");
		const lookup = within(flagsSection).getByRole("form", { name: "Look up feature flags" });
		await typeInto(lookup, "Id", "no such visitor");
		fireEvent.click(within(lookup).getByRole("button", { name: "Look up" }));
		expect((await within(lookup).findByRole("alert")).textContent).toMatch(
			/^Id must be 8-64 characters/,
		);

		await typeInto(lookup, "Id", visitor.visitor.id);
		fireEvent.click(within(lookup).getByRole("button", { name: "Look up" }));
		await within(flagsSection).findByText("Visitor found: 0 flags on.", {}, SLOW);

		const addForm = within(flagsSection).getByRole("form", { name: "Add a feature flag" });
		await typeInto(addForm, "New flag", "has spaces");
		fireEvent.click(within(addForm).getByRole("button", { name: "Add flag" }));
		expect((await within(flagsSection).findByRole("alert")).textContent).toMatch(
			/^Flag name must be/,
		);

		await typeInto(addForm, "New flag", "beta-inbox");
		fireEvent.click(within(addForm).getByRole("button", { name: "Add flag" }));
		await within(flagsSection).findByText("beta-inbox is now on.", {}, SLOW);
		const path = `/feature-flags/visitor/${visitor.visitor.id}`;
		const read = async () =>
			v.parse(featureFlagsResponseSchema, await ctx.request(path)).featureFlags;
		expect(await read()).toEqual(["beta-inbox"]);
		// The visitor's own support state sees it too.
		const state = await visitorCall(ctx.server, visitor, "GET", "/support/state");
		expect((state.body as { featureFlags: string[] }).featureFlags).toContain("beta-inbox");

		const checkbox = within(flagsSection).getByRole("checkbox", {
			name: "beta-inbox",
		}) as HTMLInputElement;
		expect(checkbox.checked).toBe(true);
		await act(async () => {
			fireEvent.click(checkbox);
		});
		await within(flagsSection).findByText("beta-inbox is now off.", {}, SLOW);
		expect(await read()).toEqual([]);
		// Switched off, it stays listed so it can be switched back on.
		expect(
			(within(flagsSection).getByRole("checkbox", { name: "beta-inbox" }) as HTMLInputElement)
				.checked,
		).toBe(false);
	});

	it("shows agents who are not admins a read-only page", async () => {
		const created = await ctx.request(`/websites/${ctx.websiteId}/agents`, {
			method: "POST",
			body: {
				email: "reader@example.com",
				name: "Reader",
				role: "agent",
				password: "another long password",
			},
		});
		expect(created).toBeTruthy();
		const reader = await login(ctx.server, "reader@example.com", "another long password");
		const request = createTeamRequest({ apiUrl: ctx.server.demo.apiUrl, token: reader.token });
		// biome-ignore lint/a11y/useValidAriaRole: `role` is the agent's role, not an ARIA role
		render(<SettingsPage request={request} websiteId={ctx.websiteId} role="agent" />);
		expect(await screen.findByRole("note")).toBeTruthy();
		await within(await section("Agents")).findByRole("list", { name: "Team members" }, SLOW);
		await within(await section("Developers")).findByRole(
			"region",
			{ name: "Allowed domains" },
			SLOW,
		);
		expect(screen.queryByRole("region", { name: "API keys" })).toBeNull();
		expect(screen.queryByRole("region", { name: "Identity verification" })).toBeNull();
		expect(screen.queryByRole("form", { name: "Invite an agent" })).toBeNull();
		expect(screen.queryByRole("form", { name: "Add an allowed domain" })).toBeNull();
		expect(screen.queryByRole("button", { name: /^Remove domain/ })).toBeNull();
	});
});
