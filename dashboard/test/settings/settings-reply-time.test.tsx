// @vitest-environment happy-dom
// The settings page's reply time against a real sync-server (child process, PGlite): what an
// admin picks is stored, reaches the widget's bootstrap, and agents who are not admins only see it.

import { HEADERS, websiteSettingsSchema } from "@cossistant/types";
import { cleanup, fireEvent, render, within } from "@testing-library/react";
import * as v from "valibot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTeamRequest } from "../../src/api/team-request.ts";
import { SettingsPage } from "../../src/settings/settings-page.tsx";
import { type DashboardServer, login, startDashboardServer } from "./support/dashboard-server.ts";
import { renderAdminPage, SLOW, section } from "./support/page-helpers.tsx";

describe("<SettingsPage /> reply time", () => {
	let ctx: DashboardServer;

	beforeAll(async () => {
		ctx = await startDashboardServer();
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await ctx?.stop();
	});

	/** What the widget's bootstrap says about the reply time. */
	async function bootstrapReplyTime(): Promise<unknown> {
		const { apiUrl, publicKey } = ctx.server.demo;
		const response = await fetch(`${apiUrl}/websites`, {
			headers: { [HEADERS.publicKey]: publicKey, origin: "http://localhost:3000" },
		});
		const body = (await response.json()) as { website: { replyTimeMinutes?: unknown } };
		return body.website.replyTimeMinutes;
	}

	it("stores the admin's choice, which the widget's bootstrap carries, and clears it", async () => {
		renderAdminPage(ctx);
		const replyTime = await section("Reply time");
		const select = (await within(replyTime).findByLabelText(
			"We usually reply",
			{},
			SLOW,
		)) as HTMLSelectElement;
		// The demo website's seeded value.
		expect(select.value).toBe("15");

		fireEvent.change(select, { target: { value: "60" } });
		await within(replyTime).findByText("The widget now shows this reply time.", {}, SLOW);
		const settings = v.parse(
			websiteSettingsSchema,
			await ctx.request(`/websites/${ctx.websiteId}/settings`),
		);
		expect(settings.replyTimeMinutes).toBe(60);
		expect(await bootstrapReplyTime()).toBe(60);

		fireEvent.change(select, { target: { value: "" } });
		await within(replyTime).findByText("The widget no longer shows a reply time.", {}, SLOW);
		expect(await bootstrapReplyTime()).toBeNull();
	});

	it("shows agents who are not admins the reply time, without a way to change it", async () => {
		await ctx.request(`/websites/${ctx.websiteId}/settings`, {
			method: "PATCH",
			body: { replyTimeMinutes: 90 },
		});
		await ctx.request(`/websites/${ctx.websiteId}/agents`, {
			method: "POST",
			body: {
				email: "times@example.com",
				name: "Times",
				role: "agent",
				password: "a long password 1",
			},
		});
		const reader = await login(ctx.server, "times@example.com", "a long password 1");
		const request = createTeamRequest({ apiUrl: ctx.server.demo.apiUrl, token: reader.token });
		// biome-ignore lint/a11y/useValidAriaRole: `role` is the agent's role, not an ARIA role
		render(<SettingsPage request={request} websiteId={ctx.websiteId} role="agent" />);
		const replyTime = await section("Reply time");
		const select = (await within(replyTime).findByLabelText(
			"We usually reply",
			{},
			SLOW,
		)) as HTMLSelectElement;
		// A value set through the API that is not one of the presets is shown as it is.
		expect(select.value).toBe("90");
		expect(select.selectedOptions[0]?.textContent).toBe("Within 90 minutes");
		expect(select.disabled).toBe(true);
	});
});
