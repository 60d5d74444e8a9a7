// @vitest-environment happy-dom
// The settings page against a real sync-server (child process, PGlite): every change made in
// the page is read back through the REST API, secrets are shown once, and bad input is
// explained next to its form without losing what was typed.

import { createHmac } from "node:crypto";
import {
	agentListResponseSchema,
	apiKeyListResponseSchema,
	featureFlagsResponseSchema,
	websiteSettingsSchema,
} from "@cossistant/types";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../react-sdk/test/support/axe.ts";
import { SettingsPage } from "../../src/settings/settings-page.tsx";
import { createTeamRequest } from "../../src/settings/team-request.ts";
import {
	bootstrapVisitor,
	type DashboardServer,
	login,
	startDashboardServer,
	visitorCall,
} from "./support/dashboard-server.ts";

/** Server answers on a busy 2-core machine: generous, never a timing assertion. */
const SLOW = { timeout: 20_000 };

describe("<SettingsPage /> against a real sync-server", () => {
	let ctx: DashboardServer;

	beforeAll(async () => {
		ctx = await startDashboardServer();
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await ctx?.stop();
	});

	function renderAdminPage() {
		// biome-ignore lint/a11y/useValidAriaRole: `role` is the agent's role, not an ARIA role
		return render(<SettingsPage request={ctx.request} websiteId={ctx.websiteId} role="admin" />);
	}

	const section = (name: string) => screen.findByRole("region", { name }, SLOW);

	async function typeInto(container: HTMLElement, label: string, value: string) {
		const field = await within(container).findByLabelText(label, {}, SLOW);
		fireEvent.change(field, { target: { value } });
		return field as HTMLInputElement;
	}

	it("creates public and private keys, shows the private secret once, and revokes a key", async () => {
		renderAdminPage();
		const keys = await section("API keys");
		await within(keys).findByRole("list", { name: "API keys" }, SLOW);
		const form = within(keys).getByRole("form", { name: "Create an API key" });

		await typeInto(form, "Name", "Widget on staging");
		fireEvent.click(within(form).getByRole("button", { name: "Create key" }));
		await within(keys).findByText("Public key “Widget on staging” created.", {}, SLOW);

		await typeInto(form, "Name", "Billing backend");
		fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "private" } });
		fireEvent.change(within(form).getByLabelText("Environment"), { target: { value: "live" } });
		fireEvent.click(within(form).getByRole("button", { name: "Create key" }));

		const secretBox = await within(keys).findByRole(
			"region",
			{ name: "Private key “Billing backend”" },
			SLOW,
		);
		const secret = (
			within(secretBox).getByLabelText("Private key “Billing backend”") as HTMLInputElement
		).value;
		expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
		expect(within(secretBox).getByText(/never be shown again/)).toBeTruthy();

		// The key is real: the API lists it by prefix only, and it authenticates a backend.
		const listed = apiKeyListResponseSchema.parse(
			await ctx.request(`/websites/${ctx.websiteId}/api-keys`),
		).apiKeys;
		const billing = listed.find((key) => key.name === "Billing backend");
		expect(billing).toMatchObject({ kind: "private", environment: "live", publicValue: null });
		expect(secret.startsWith(billing?.prefix ?? "?")).toBe(true);
		expect(listed.find((key) => key.name === "Widget on staging")?.publicValue).toMatch(
			/^pk_test_/,
		);
		const asBackend = createTeamRequest({ apiUrl: ctx.server.demo.apiUrl, token: secret });
		await expect(asBackend("/conversations")).resolves.toBeTruthy();

		// Creating a public key meanwhile does not take the private secret off the screen.
		await typeInto(form, "Name", "Second widget");
		fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "public" } });
		fireEvent.click(within(form).getByRole("button", { name: "Create key" }));
		await within(keys).findByText("Public key “Second widget” created.", {}, SLOW);
		expect(within(keys).getByRole("region", { name: "Private key “Billing backend”" })).toBe(
			secretBox,
		);

		// Dismissed, the secret leaves the page for good.
		fireEvent.click(within(secretBox).getByRole("button", { name: "I have stored it" }));
		expect(within(keys).queryByRole("region", { name: /Private key/ })).toBeNull();
		expect(document.body.innerHTML).not.toContain(secret);
		const row = within(keys).getByText("Billing backend").closest("li") as HTMLElement;
		expect(within(row).getByText(`${billing?.prefix}…`)).toBeTruthy();

		// Revoke, with a confirmation dialog that Escape cancels.
		fireEvent.click(within(keys).getByRole("button", { name: "Revoke key Billing backend" }));
		let dialog = await screen.findByRole("alertdialog", {
			name: "Revoke the key “Billing backend”?",
		});
		expect(dialog.getAttribute("aria-modal")).toBe("true");
		expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
		fireEvent.keyDown(dialog, { key: "Escape" });
		expect(screen.queryByRole("alertdialog")).toBeNull();

		fireEvent.click(within(keys).getByRole("button", { name: "Revoke key Billing backend" }));
		dialog = await screen.findByRole("alertdialog");
		fireEvent.click(within(dialog).getByRole("button", { name: "Revoke key" }));
		await within(keys).findByText(
			"Key “Billing backend” revoked: it is refused from now on.",
			{},
			SLOW,
		);
		expect(within(row).getByText("Revoked")).toBeTruthy();
		expect(within(keys).queryByRole("button", { name: "Revoke key Billing backend" })).toBeNull();
		await expect(asBackend("/conversations")).rejects.toMatchObject({ code: "invalid_api_key" });
	});

	it("adds and removes allowed origins, explaining invalid ones without losing the input", async () => {
		renderAdminPage();
		const origins = await section("Allowed origins");
		const form = within(origins).getByRole("form", { name: "Add an allowed origin" });
		const add = within(form).getByRole("button", { name: "Add origin" });

		const input = await typeInto(form, "Origin", "shop.example.com/checkout");
		fireEvent.click(add);
		const pathError = await within(form).findByRole("alert");
		expect(pathError.textContent).toContain("protocol required, no path");
		expect(input.value).toBe("shop.example.com/checkout");
		expect(input.getAttribute("aria-invalid")).toBe("true");

		fireEvent.change(input, { target: { value: "https://*.com" } });
		fireEvent.click(add);
		await waitFor(() =>
			expect(within(form).getByRole("alert").textContent).toContain(
				"a wildcard needs a domain under it",
			),
		);
		expect(input.value).toBe("https://*.com");

		fireEvent.change(input, { target: { value: " https://*.Shop.Example.com/ " } });
		fireEvent.click(add);
		await within(origins).findByText("https://*.shop.example.com added.", {}, SLOW);
		expect(input.value).toBe("");
		expect(within(form).queryByRole("alert")).toBeNull();
		const read = async () =>
			websiteSettingsSchema.parse(await ctx.request(`/websites/${ctx.websiteId}/settings`))
				.allowedOrigins;
		expect(await read()).toContain("https://*.shop.example.com");

		fireEvent.change(input, { target: { value: "https://*.shop.example.com" } });
		fireEvent.click(add);
		await waitFor(() =>
			expect(within(form).getByRole("alert").textContent).toBe(
				"https://*.shop.example.com is already allowed.",
			),
		);

		fireEvent.click(
			within(origins).getByRole("button", { name: "Remove origin https://*.shop.example.com" }),
		);
		const dialog = await screen.findByRole("alertdialog", {
			name: "Remove https://*.shop.example.com?",
		});
		fireEvent.click(within(dialog).getByRole("button", { name: "Remove origin" }));
		await within(origins).findByText("https://*.shop.example.com removed.", {}, SLOW);
		expect(await read()).not.toContain("https://*.shop.example.com");
	});

	it("rotates the identity secret, shows the new one once, and identify() verifies with it", async () => {
		renderAdminPage();
		const identity = await section("Identity verification");
		fireEvent.click(within(identity).getByRole("button", { name: "Rotate secret" }));
		const dialog = await screen.findByRole("alertdialog", { name: "Rotate the identity secret?" });
		fireEvent.click(within(dialog).getByRole("button", { name: "Rotate secret" }));
		const box = await within(identity).findByRole("region", { name: "New identity secret" }, SLOW);
		const secret = (within(box).getByLabelText("New identity secret") as HTMLInputElement).value;
		expect(secret.length).toBeGreaterThanOrEqual(32);

		const visitor = await bootstrapVisitor(ctx.server);
		const sign = (key: string) => createHmac("sha256", key).update("customer-42").digest("hex");
		const wrong = await visitorCall(ctx.server, visitor, "POST", "/contacts/identify", {
			externalId: "customer-42",
			signature: sign("not the secret"),
		});
		expect(wrong.status).toBe(403);
		const right = await visitorCall(ctx.server, visitor, "POST", "/contacts/identify", {
			externalId: "customer-42",
			signature: sign(secret),
		});
		expect(right.status).toBe(200);

		fireEvent.click(within(box).getByRole("button", { name: "I have stored it" }));
		expect(document.body.innerHTML).not.toContain(secret);
		expect(within(identity).getByText(/set, rotated/)).toBeTruthy();
	});

	it("invites an agent with a role: the one-time code is shown, listed as pending, and works", async () => {
		renderAdminPage();
		const agents = await section("Agents");
		await within(agents).findByRole("list", { name: "Team members" }, SLOW);
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
			{ name: "Invitation code for nadia@example.com" },
			SLOW,
		);
		const code = (
			within(box).getByLabelText("Invitation code for nadia@example.com") as HTMLInputElement
		).value;
		expect(code).toMatch(/^inv_/);
		const pending = within(agents).getByRole("list", { name: "Pending invitations" });
		expect(within(pending).getByText("nadia@example.com", { exact: false })).toBeTruthy();
		const listed = agentListResponseSchema.parse(
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
		renderAdminPage();
		const reloaded = await section("Agents");
		const role = await within(reloaded).findByRole("combobox", { name: "Role of Nadia" }, SLOW);
		expect((role as HTMLSelectElement).value).toBe("admin");
		fireEvent.change(role, { target: { value: "agent" } });
		await within(reloaded).findByText("Nadia is now agent.", {}, SLOW);
		const after = agentListResponseSchema.parse(
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
		renderAdminPage();
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

		const after = agentListResponseSchema.parse(await ctx.request(base));
		expect(after.invitations.map((i) => i.email)).not.toContain("maybe@example.com");
		expect(after.agents.map((a) => a.email)).not.toContain("leaving@example.com");
		expect(within(agents).queryByText("Leaving")).toBeNull();
	});

	it("looks up a visitor's feature flags, toggles one and reads it back through the API", async () => {
		const visitor = await bootstrapVisitor(ctx.server);
		renderAdminPage();
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
		const read = async () => featureFlagsResponseSchema.parse(await ctx.request(path)).featureFlags;
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
		await section("Allowed origins");
		expect(screen.queryByRole("region", { name: "API keys" })).toBeNull();
		expect(screen.queryByRole("region", { name: "Identity verification" })).toBeNull();
		expect(screen.queryByRole("form", { name: "Invite an agent" })).toBeNull();
		expect(screen.queryByRole("form", { name: "Add an allowed origin" })).toBeNull();
		expect(screen.queryByRole("button", { name: /^Remove origin/ })).toBeNull();
	});

	it("has no axe violations, with a secret shown and a confirmation open", async () => {
		const { container } = renderAdminPage();
		const keys = await section("API keys");
		await within(keys).findByRole("list", { name: "API keys" }, SLOW);
		await within(await section("Agents")).findByRole("list", { name: "Team members" }, SLOW);
		const form = within(keys).getByRole("form", { name: "Create an API key" });
		await typeInto(form, "Name", "Axe check");
		fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "private" } });
		fireEvent.click(within(form).getByRole("button", { name: "Create key" }));
		await within(keys).findByRole("region", { name: "Private key “Axe check”" }, SLOW);
		expect(await axeViolations(container)).toEqual([]);

		fireEvent.click(within(keys).getByRole("button", { name: "Revoke key Axe check" }));
		await screen.findByRole("alertdialog");
		expect(await axeViolations(container)).toEqual([]);
	});
});
