// @vitest-environment happy-dom
// The contact panel against a real sync-server (child process, PGlite): an identified contact
// with two devices and two conversations, built through the public and team APIs exactly as a
// widget and an agent would; then the same panel from memory with the network gone.

import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import {
	conversationDetailResponseSchema,
	HEADERS,
	type IdentifyResponse,
	type WebsiteBootstrapResponse,
} from "@cossistant/types";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import * as v from "valibot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../react-sdk/test/support/axe.ts";
import { LOCAL_ORIGIN } from "../../../sync-server/test/support/local-origin.ts";
import { createTeamRequest, type TeamRequest } from "../../src/api/team-request.ts";
import { ContactPanel } from "../../src/contact-panel/contact-panel.tsx";
import { clearContactPanelCache } from "../../src/contact-panel/details-cache.ts";
import { visitorName } from "../../src/inbox/visitor-name.ts";
import {
	bootstrapVisitor,
	type DashboardServer,
	startDashboardServer,
	visitorCall,
} from "../settings/support/dashboard-server.ts";

const SLOW = { timeout: 20_000 };
const MAC_CHROME =
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE_SAFARI =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/**
 * `GET /v1/websites` from a given browser. Node's own http client, because a DOM `fetch` may not
 * set `User-Agent` (a forbidden header in browsers).
 */
function bootstrapFrom(
	ctx: DashboardServer,
	userAgent: string,
	extra: Record<string, string>,
): Promise<WebsiteBootstrapResponse> {
	return new Promise((resolve, reject) => {
		const url = new URL(`${ctx.server.demo.apiUrl}/websites`);
		const req = httpRequest(
			url,
			{
				headers: {
					[HEADERS.publicKey]: ctx.server.demo.publicKey,
					origin: LOCAL_ORIGIN,
					"user-agent": userAgent,
					...extra,
				},
			},
			(response) => {
				let text = "";
				response.setEncoding("utf8");
				response.on("data", (chunk) => {
					text += chunk;
				});
				response.on("end", () => {
					if (response.statusCode !== 200)
						reject(new Error(`bootstrap ${response.statusCode}: ${text}`));
					else resolve(JSON.parse(text) as WebsiteBootstrapResponse);
				});
			},
		);
		req.on("error", reject);
		req.end();
	});
}

/** A TeamRequest whose server is gone (nothing listens on port 9 of loopback). */
const offline: TeamRequest = createTeamRequest({
	apiUrl: "http://127.0.0.1:9/v1",
	token: "st_gone",
});

describe("<ContactPanel /> against a real sync-server", () => {
	let ctx: DashboardServer;
	let contactId: string;
	let laptop: WebsiteBootstrapResponse;
	let phone: WebsiteBootstrapResponse;
	let billingId: string;
	let loginId: string;

	beforeAll(async () => {
		ctx = await startDashboardServer();
		laptop = await bootstrapFrom(ctx, MAC_CHROME, {
			[HEADERS.visitorLanguage]: "fr-CA",
			[HEADERS.visitorTimezone]: "America/Montreal",
		});
		phone = await bootstrapFrom(ctx, IPHONE_SAFARI, { [HEADERS.visitorTimezone]: "Europe/Paris" });
		// Identities are signed by the site (joining an existing contact from another device needs it).
		const { identitySecret } = await ctx.request<{ identitySecret: string }>(
			`/websites/${ctx.websiteId}/settings/identity-secret`,
			{ method: "POST" },
		);
		const sign = (id: string) => createHmac("sha256", identitySecret).update(id).digest("hex");
		const identified = await visitorCall(ctx.server, laptop, "POST", "/contacts/identify", {
			externalId: "acme-user-7",
			signature: sign("acme-user-7"),
			email: "camille@acme.test",
			name: "Camille Martin",
			metadata: { plan: "Pro", mrr: 249, seatsUsed: 12, trial: false },
		});
		expect(identified.status).toBe(200);
		contactId = (identified.body as IdentifyResponse).contact.id;
		const second = await visitorCall(ctx.server, phone, "POST", "/contacts/identify", {
			externalId: "acme-user-7",
			signature: sign("acme-user-7"),
		});
		expect(second.status).toBe(200);

		const open = async (visitorId: string, title: string, text: string) =>
			(
				await ctx.request<{ conversation: { id: string } }>("/conversations", {
					method: "POST",
					body: { visitorId, title, message: { text } },
				})
			).conversation.id;
		billingId = await open(laptop.visitor.id, "Billing question", "About your invoice");
		loginId = await open(phone.visitor.id, "Login trouble", "Can you try again?");
		await ctx.request(`/conversations/${loginId}`, {
			method: "PATCH",
			body: { status: "resolved" },
		});
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		await ctx?.stop();
	});

	it("shows an identified contact's details, metadata, two devices and other conversations", async () => {
		clearContactPanelCache();
		const opened: string[] = [];
		render(
			<ContactPanel
				request={ctx.request}
				conversationId={billingId}
				visitorId={laptop.visitor.id}
				contactId={contactId}
				onOpenConversation={(id) => opened.push(id)}
			/>,
		);
		const panel = await screen.findByRole("region", { name: "Camille Martin" }, SLOW);

		const identity = within(panel).getByRole("group", { name: "Identity" });
		expect(within(identity).getByText("Identified contact")).toBeTruthy();
		expect(within(identity).getByRole("link", { name: "camille@acme.test" })).toBeTruthy();
		expect(within(identity).getByText("acme-user-7")).toBeTruthy();
		expect(within(identity).getByText(/fr-CA/)).toBeTruthy();
		expect(within(identity).getByText(/America\/Montreal/)).toBeTruthy();

		const metadata = within(panel).getByRole("group", { name: "Contact metadata" });
		const pairs = [...metadata.querySelectorAll("div")].map((pair) => [
			pair.querySelector("dt")?.textContent,
			pair.querySelector("dd")?.textContent,
		]);
		expect(pairs).toEqual([
			["MRR", (249).toLocaleString()],
			["Plan", "Pro"],
			["Seats used", "12"],
			["Trial", "No"],
		]);

		const devices = within(panel).getByRole("list", { name: "Devices" });
		const rows = within(devices).getAllByRole("listitem");
		expect(rows).toHaveLength(2);
		const laptopRow = within(devices).getByText("Chrome 131 on macOS").closest("li") as HTMLElement;
		expect(within(laptopRow).getByText("Desktop")).toBeTruthy();
		expect(within(laptopRow).getByText("This conversation")).toBeTruthy();
		const phoneRow = within(devices).getByText("Safari 18 on iOS 18").closest("li") as HTMLElement;
		expect(within(phoneRow).getByText("Phone")).toBeTruthy();
		expect(within(phoneRow).getByText(/Europe\/Paris/)).toBeTruthy();

		const others = within(panel).getByRole("list", { name: "Other conversations" });
		expect(within(others).queryByText("Billing question")).toBeNull();
		const login = within(others).getByRole("button", {
			name: /^Open conversation “Login trouble”, resolved/,
		});
		expect(within(login).getByText("Resolved")).toBeTruthy();
		// Its last item, the resolution, previews it.
		expect(within(login).getByText(/marked the conversation as resolved$/)).toBeTruthy();
		fireEvent.click(login);
		expect(opened).toEqual([loginId]);
		expect(await axeViolations(panel)).toEqual([]);
		expect(within(panel).getByRole("status").textContent).toBe("");
	});

	it("reopens instantly from memory and, offline, says it shows the last known details", async () => {
		clearContactPanelCache();
		const props = {
			conversationId: loginId,
			visitorId: phone.visitor.id,
			contactId,
			onOpenConversation: () => {},
		};
		render(<ContactPanel request={ctx.request} {...props} />);
		await screen.findByRole("region", { name: "Camille Martin" }, SLOW);
		await within(screen.getByRole("list", { name: "Other conversations" })).findByText(
			"Billing question",
		);
		cleanup();

		// The network is gone: the first render already shows the remembered person.
		let online = false;
		const switchable: TeamRequest = (path, init) =>
			online ? ctx.request(path, init) : offline(path, init);
		render(<ContactPanel request={switchable} {...props} />);
		const panel = screen.getByRole("region", { name: "Camille Martin" });
		expect(within(panel).getByText("Safari 18 on iOS 18")).toBeTruthy();
		const status = within(panel).getByRole("status");
		expect(status.getAttribute("aria-live")).toBe("polite");
		await within(panel).findByText(/^Offline — showing last known details/, {}, SLOW);
		expect(within(panel).getByRole("button", { name: "Retry" })).toBeTruthy();
		expect(within(panel).queryByRole("alert")).toBeNull();

		// Back online, the panel refreshes by itself (a conversation started meanwhile shows up)
		// and the offline note goes away.
		await ctx.request("/conversations", {
			method: "POST",
			body: { visitorId: laptop.visitor.id, title: "Started while the agent was offline" },
		});
		online = true;
		window.dispatchEvent(new Event("online"));
		await within(panel).findByText("Started while the agent was offline", {}, SLOW);
		expect(status.textContent).toBe("");
		expect(within(panel).queryByRole("button", { name: "Retry" })).toBeNull();
		cleanup();

		// A person never loaded cannot be shown offline, and the panel says so.
		const stranger = await bootstrapVisitor(ctx.server);
		render(
			<ContactPanel
				request={offline}
				visitorId={stranger.visitor.id}
				onOpenConversation={() => {}}
			/>,
		);
		await screen.findByText(
			"Offline — contact details are unavailable until the connection returns.",
			{},
			SLOW,
		);
	});

	it("shows an anonymous visitor with its device and conversations", async () => {
		clearContactPanelCache();
		const visitor = await bootstrapFrom(ctx, IPHONE_SAFARI, { [HEADERS.visitorLanguage]: "de" });
		const first = await ctx.request<{ conversation: { id: string } }>("/conversations", {
			method: "POST",
			body: { visitorId: visitor.visitor.id, message: { text: "Where is my parcel?" } },
		});
		const second = await ctx.request<{ conversation: { id: string } }>("/conversations", {
			method: "POST",
			body: { visitorId: visitor.visitor.id, title: "Returns" },
		});
		render(
			<ContactPanel
				request={ctx.request}
				conversationId={second.conversation.id}
				visitorId={visitor.visitor.id}
				onOpenConversation={() => {}}
			/>,
		);
		// Named like the inbox names them; the identity says it is an anonymous visitor.
		const panel = await screen.findByRole(
			"region",
			{ name: visitorName(visitor.visitor.id) },
			SLOW,
		);
		expect(within(panel).getByText("Anonymous visitor")).toBeTruthy();
		expect(within(panel).getByText("Safari 18 on iOS 18")).toBeTruthy();
		expect(within(panel).getByText(visitor.visitor.id)).toBeTruthy();
		const others = within(panel).getByRole("list", { name: "Other conversations" });
		// Untitled: the first message stands in for the title.
		expect(
			within(others).getByRole("button", {
				name: /^Open conversation “Where is my parcel\?”, open/,
			}),
		).toBeTruthy();
		expect(within(others).queryByText("Returns")).toBeNull();
		expect(first.conversation.id).not.toBe(second.conversation.id);
	});

	it("starts a new conversation with the contact on their most recent device and opens it", async () => {
		clearContactPanelCache();
		const opened: string[] = [];
		render(
			<ContactPanel
				request={ctx.request}
				conversationId={billingId}
				visitorId={laptop.visitor.id}
				contactId={contactId}
				onOpenConversation={(id) => opened.push(id)}
			/>,
		);
		const panel = await screen.findByRole("region", { name: "Camille Martin" }, SLOW);
		fireEvent.click(
			within(panel).getByRole("button", { name: "New conversation with Camille Martin" }),
		);
		const form = within(panel).getByRole("form", { name: "New conversation" });
		const start = within(form).getByRole("button", { name: "Start conversation" });
		fireEvent.click(start);
		expect(within(form).getByRole("alert").textContent).toBe(
			"Write the first message the visitor will read.",
		);
		expect(await axeViolations(panel)).toEqual([]);

		fireEvent.change(within(form).getByLabelText("First message"), {
			target: { value: "Your new plan is active: anything we can help with?" },
		});
		fireEvent.click(start);
		await waitFor(() => expect(opened).toHaveLength(1), SLOW);
		// The new conversation is the device seen last's, with the first message, as the API says.
		const devices = (
			await ctx.request<{ visitors: Array<{ id: string }> }>(`/contacts/${contactId}/visitors`)
		).visitors;
		const detail = v.parse(
			conversationDetailResponseSchema,
			await ctx.request(`/conversations/${opened[0]}`),
		);
		expect(detail.conversation.visitorId).toBe(devices[0]?.id);
		expect(JSON.stringify(detail.timeline.items)).toContain(
			"Your new plan is active: anything we can help with?",
		);
		// The panel lists it among the other conversations after its refresh.
		await within(panel).findByRole(
			"button",
			{ name: /^Open conversation “Your new plan is active/ },
			SLOW,
		);
	});

	it("shows the API's message when the person is unknown", async () => {
		clearContactPanelCache();
		render(
			<ContactPanel
				request={ctx.request}
				visitorId="0000000000000000unknown"
				onOpenConversation={() => {}}
			/>,
		);
		const alert = await screen.findByRole("alert", {}, SLOW);
		expect(alert.textContent).toContain("Visitor 0000000000000000unknown not found.");
	});
});
