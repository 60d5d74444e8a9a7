import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Conversation } from "@cossistant/types";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { type E2eServer, startE2eServer } from "../support/sync-server.ts";
import { APP_DIR, buildExample, type ExampleServer, startExample } from "./support/next-app.ts";
import { PageGuard } from "./support/page-guard.ts";
import { api } from "./support/rest.ts";

// The docs' Next.js Quickstart as a real app (examples/next-app): built with `next build`,
// served by `next start` against a real sync-server, driven in Chromium.

let server: E2eServer;
let app: ExampleServer;
let apiUrl: string;
let agentToken: string;
let websiteId: string;
let secrets: { identitySecret: string; privateKey: string };
let guard: PageGuard;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
	// A cold `next build` takes minutes on a loaded two-core machine.
	test.setTimeout(900_000);
	server = await startE2eServer();
	apiUrl = server.demo.apiUrl;
	const login = await api<{ token: string; websiteIds: string[] }>(apiUrl, "/auth/login", {
		method: "POST",
		body: { email: server.demo.agentEmail, password: server.demo.agentPassword },
	});
	agentToken = login.token;
	const [firstWebsite] = login.websiteIds;
	if (!firstWebsite) throw new Error("the demo agent has no website");
	websiteId = firstWebsite;
	// Signed identifies only: an unsigned or wrongly signed one would be refused, so a contact
	// can only appear if the Server Component signed it with the right secret.
	await api(apiUrl, `/websites/${websiteId}/settings`, {
		method: "PATCH",
		token: agentToken,
		body: { identityVerificationRequired: true },
	});
	const { identitySecret } = await api<{ identitySecret: string }>(
		apiUrl,
		`/websites/${websiteId}/settings/identity-secret`,
		{ method: "POST", token: agentToken },
	);
	const { key: privateKey } = await api<{ key: string }>(
		apiUrl,
		`/websites/${websiteId}/api-keys`,
		{
			method: "POST",
			token: agentToken,
			body: { name: "Next.js example backend", kind: "private", environment: "test" },
		},
	);
	secrets = { identitySecret, privateKey };
	// The server-only secrets are in the build's environment too, so the chunk scan below proves
	// the build did not inline them (not merely that they were absent).
	const env = {
		NEXT_PUBLIC_COSSISTANT_API_KEY: server.demo.publicKey,
		NEXT_PUBLIC_COSSISTANT_API_URL: apiUrl,
		COSSISTANT_IDENTITY_SECRET: identitySecret,
		COSSISTANT_PRIVATE_API_KEY: privateKey,
	};
	await buildExample(env);
	app = await startExample(env);
});

test.afterAll(async () => {
	await app?.stop();
	await server?.stop();
});

test.beforeEach(() => {
	guard = new PageGuard(app.url, {
		"the identity secret": secrets.identitySecret,
		"the private API key": secrets.privateKey,
	});
});

test.afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
	expect(await guard.settle()).toEqual([]);
});

/** A fresh browser profile (its own IndexedDB: a device), signed in as `userId` if given. */
async function openDevice(browser: Browser, path: string, userId?: string): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	if (userId) await context.addCookies([{ name: "demo_user", value: userId, url: app.url }]);
	const page = guard.watch(await context.newPage());
	await page.goto(`${app.url}${path}`);
	return page;
}

async function openWidget(page: Page) {
	await page.getByRole("button", { name: /^Open support/ }).click();
	return page.getByRole("dialog", { name: "Support" });
}

async function sendFromWidget(page: Page, text: string): Promise<void> {
	const dialog = await openWidget(page);
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill(text);
	await composer.press("Enter");
	await expect(dialog.getByText(text)).toBeVisible();
}

/** The conversation whose last public item contains `text`, as agents list it. */
async function conversationWith(text: string): Promise<Conversation> {
	return eventually(
		async () => {
			const { conversations } = await api<{ conversations: Conversation[] }>(
				apiUrl,
				`/conversations?websiteId=${websiteId}`,
				{ token: agentToken },
			);
			const found = conversations.find((c) => JSON.stringify(c.lastTimelineItem).includes(text));
			if (!found) throw new Error(`no conversation with "${text}" yet`);
			return found;
		},
		{
			timeoutMs: 20_000,
			intervalMs: 200,
			message: "the visitor's message never reached the server",
		},
	);
}

async function contactIdOf(page: Page): Promise<string> {
	const badge = page.getByTestId("contact-id");
	await expect(badge).toHaveText(/^[0-9a-f-]{20,}$/, { timeout: 20_000 });
	return (await badge.textContent()) ?? "";
}

test("the widget on a Server Component page: welcome copy, message to an agent and the reply", async ({
	browser,
}) => {
	const page = await openDevice(browser, "/");
	const dialog = await openWidget(page);
	// Step 7: SupportConfig's quick option and default message, set from a Server Component.
	await expect(dialog.getByRole("button", { name: "How to identify a visitor?" })).toBeVisible();
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	await expect(dialog.getByText("Hi Jane Doe, anything I can help with?")).toBeVisible();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill("Hello from the Next.js example");
	await composer.press("Enter");
	await expect(dialog.getByText("Hello from the Next.js example")).toBeVisible();
	const conversation = await conversationWith("Hello from the Next.js example");
	await api(apiUrl, `/conversations/${conversation.id}/messages`, {
		method: "POST",
		token: agentToken,
		body: { text: "Hi! An agent here." },
	});
	await expect(
		page.getByRole("dialog", { name: "Support" }).getByText("Hi! An agent here."),
	).toBeVisible({
		timeout: 20_000,
	});
});

test("the (app) layout identifies the signed-in user, signed on the server, with the metadata", async ({
	browser,
}) => {
	const page = await openDevice(browser, "/");
	await page.getByLabel("User id").fill("user_metadata");
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.waitForURL(`${app.url}/dashboard`);
	const contactId = await contactIdOf(page);
	const { contact } = await api<{ contact: Record<string, unknown> }>(
		apiUrl,
		`/contacts/${contactId}`,
		{ token: agentToken },
	);
	expect(contact).toMatchObject({
		externalId: "user_metadata",
		email: "user_metadata@example.com",
		name: "Demo user user_metadata",
		image: "https://avatars.example.com/user_metadata.png",
		metadata: { plan: "pro", signupDate: "2025-01-15", company: "Acme", mrr: 99 },
	});
});

test("a second device signed in as the same user sees the same conversation", async ({
	browser,
}) => {
	const laptop = await openDevice(browser, "/dashboard", "user_cross_device");
	const contactId = await contactIdOf(laptop);
	await sendFromWidget(laptop, "Started on my laptop");
	const conversation = await conversationWith("Started on my laptop");
	expect(conversation.contactId).toBe(contactId);

	const phone = await openDevice(browser, "/dashboard", "user_cross_device");
	expect(await contactIdOf(phone)).toBe(contactId);
	const dialog = await openWidget(phone);
	await expect(dialog.getByText("Started on my laptop")).toBeVisible({ timeout: 20_000 });
});

test("a feature flag from support.ts flips live when the backend changes it", async ({
	browser,
}) => {
	const page = await openDevice(browser, "/dashboard", "user_flags");
	const contactId = await contactIdOf(page);
	const flag = page.getByTestId("new-message-flag");
	await expect(flag).toHaveAttribute("data-enabled", "false");
	const mutate = (operation: "add" | "remove") =>
		api(apiUrl, "/support/feature-flags", {
			method: "PATCH",
			token: secrets.privateKey,
			body: { target: { type: "contact", id: contactId }, operation, flags: ["new-message"] },
		});
	await mutate("add");
	await expect(flag).toHaveAttribute("data-enabled", "true", { timeout: 20_000 });
	await expect(flag.getByRole("button", { name: "New message" })).toBeVisible();
	await mutate("remove");
	await expect(flag).toHaveAttribute("data-enabled", "false", { timeout: 20_000 });
});

test("a custom page of the widget opens from the app", async ({ browser }) => {
	const page = await openDevice(browser, "/dashboard", "user_faq");
	await page.getByRole("button", { name: "Open the FAQ" }).click();
	const dialog = page.getByRole("dialog", { name: "Support" });
	await expect(dialog.getByText("Frequently asked questions")).toBeVisible();
	await expect(dialog.getByText("How do I invite my team?")).toBeVisible();
});

test("the built client chunks hold the public key but no private key or identity secret", () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else files.push(path);
		}
	};
	walk(join(APP_DIR, ".next/static"));
	const contents = files.map((file) => ({ file, text: readFileSync(file).toString("latin1") }));
	expect(files.length).toBeGreaterThan(0);
	// The scan sees what the build inlined: the public key is meant to be there.
	expect(contents.some(({ text }) => text.includes(server.demo.publicKey))).toBe(true);
	const leaks = contents.flatMap(({ file, text }) =>
		[secrets.identitySecret, secrets.privateKey]
			.filter((secret) => text.includes(secret))
			.map(() => file),
	);
	expect(leaks).toEqual([]);
});
