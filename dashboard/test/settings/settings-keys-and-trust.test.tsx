// @vitest-environment happy-dom
// The settings page's keys and trust settings against a real sync-server (child process,
// PGlite): every change made in the page is read back through the REST API, secrets are shown
// once, and bad input is explained next to its form without losing what was typed.

import { createHmac } from "node:crypto";
import { apiKeyListResponseSchema, websiteSettingsSchema } from "@cossistant/types";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as v from "valibot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../react-sdk/test/support/axe.ts";
import { createTeamRequest } from "../../src/api/team-request.ts";
import {
	bootstrapVisitor,
	type DashboardServer,
	startDashboardServer,
	visitorCall,
} from "./support/dashboard-server.ts";
import { renderAdminPage, SLOW, section, typeInto } from "./support/page-helpers.tsx";

describe("<SettingsPage /> Developers (keys, Allowed domains) and identity secret", () => {
	let ctx: DashboardServer;

	beforeAll(async () => {
		ctx = await startDashboardServer();
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await ctx?.stop();
	});

	it("creates public and private keys, shows the private secret once, and revokes a key", async () => {
		renderAdminPage(ctx);
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
		const listed = v.parse(
			apiKeyListResponseSchema,
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

		// A test key says, beside it, that it is not for production; a live key does not.
		const testKeyRow = within(keys).getByText("Widget on staging").closest("li") as HTMLElement;
		expect(within(testKeyRow).getByTestId("test-key-warning").textContent).toMatch(
			/do not use a test key in production/,
		);
		const liveKeyRow = within(keys).getByText("Billing backend").closest("li") as HTMLElement;
		expect(within(liveKeyRow).queryByTestId("test-key-warning")).toBeNull();

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

	it("adds and removes Allowed domains, explaining invalid ones without losing the input", async () => {
		renderAdminPage(ctx);
		const developers = await section("Developers");
		const origins = await within(developers).findByRole(
			"region",
			{ name: "Allowed domains" },
			SLOW,
		);
		expect(within(developers).getByRole("region", { name: "API keys" })).toBeTruthy();
		const form = within(origins).getByRole("form", { name: "Add an allowed domain" });
		const add = within(form).getByRole("button", { name: "Add domain" });

		const input = await typeInto(form, "Domain", "shop.example.com/checkout");
		fireEvent.click(add);
		const pathError = await within(form).findByRole("alert");
		expect(pathError.textContent).toContain("must be a domain with its protocol");
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
		await within(origins).findByText(
			"https://*.shop.example.com added to Allowed domains.",
			{},
			SLOW,
		);
		expect(input.value).toBe("");
		expect(within(form).queryByRole("alert")).toBeNull();
		const read = async () =>
			v.parse(websiteSettingsSchema, await ctx.request(`/websites/${ctx.websiteId}/settings`))
				.allowedOrigins;
		expect(await read()).toContain("https://*.shop.example.com");

		fireEvent.change(input, { target: { value: "https://*.shop.example.com" } });
		fireEvent.click(add);
		await waitFor(() =>
			expect(within(form).getByRole("alert").textContent).toBe(
				"https://*.shop.example.com is already in Allowed domains.",
			),
		);

		fireEvent.click(
			within(origins).getByRole("button", { name: "Remove domain https://*.shop.example.com" }),
		);
		const dialog = await screen.findByRole("alertdialog", {
			name: "Remove https://*.shop.example.com?",
		});
		fireEvent.click(within(dialog).getByRole("button", { name: "Remove domain" }));
		await within(origins).findByText(
			"https://*.shop.example.com removed from Allowed domains.",
			{},
			SLOW,
		);
		expect(await read()).not.toContain("https://*.shop.example.com");
	});

	it("rotates the identity secret, shows the new one once, and identify() verifies with it", async () => {
		renderAdminPage(ctx);
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

	it("has no axe violations, with a secret shown and a confirmation open", async () => {
		const { container } = renderAdminPage(ctx);
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
