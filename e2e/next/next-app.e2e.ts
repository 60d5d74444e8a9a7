import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { type Backend, conversationWith, secretsOf, startBackend } from "./support/backend.ts";
import { contactIdOf, Devices, openWidget, sendFromWidget } from "./support/devices.ts";
import { APP_DIR, buildExample, type ExampleServer, startExample } from "./support/next-app.ts";
import { PageGuard } from "./support/page-guard.ts";
import { api } from "./support/rest.ts";

// The docs' Next.js Quickstart as a real app (examples/next-app): built with `next build`,
// served by `next start` against a real sync-server, driven in Chromium. Every test fails on a
// console error, an uncaught error, a hydration warning or a secret in any response.

let backend: Backend;
let app: ExampleServer;
let guard: PageGuard;
let devices: Devices;

test.beforeAll(async () => {
	// A cold `next build` takes minutes on a loaded two-core machine.
	test.setTimeout(900_000);
	backend = await startBackend();
	// The server-only secrets are in the build's environment too, so the chunk scan below proves
	// the build did not inline them (not merely that they were absent).
	await buildExample(backend.appEnv);
	app = await startExample(backend.appEnv);
});

test.afterAll(async () => {
	await app?.stop();
	await backend?.server.stop();
});

test.beforeEach(({ browser }) => {
	guard = new PageGuard(app.url, secretsOf(backend));
	devices = new Devices(browser, app.url, guard);
});

test.afterEach(async () => {
	await devices.closeAll();
	expect(await guard.settle()).toEqual([]);
});

test("the widget on a Server Component page: welcome copy, message to an agent and the reply", async () => {
	const page = await devices.open("/");
	const dialog = await openWidget(page);
	// Step 7: SupportConfig's quick option and default message, set from a Server Component.
	await expect(dialog.getByRole("button", { name: "How to identify a visitor?" })).toBeVisible();
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	await expect(dialog.getByText("Hi Jane Doe, anything I can help with?")).toBeVisible();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill("Hello from the Next.js example");
	await composer.press("Enter");
	await expect(dialog.getByText("Hello from the Next.js example")).toBeVisible();

	const conversation = await conversationWith(backend, "Hello from the Next.js example");
	await api(backend.apiUrl, `/conversations/${conversation.id}/messages`, {
		method: "POST",
		token: backend.agentToken,
		body: { text: "Hi! An agent here." },
	});
	await expect(dialog.getByText("Hi! An agent here.")).toBeVisible({ timeout: 20_000 });
});

test("the (app) layout identifies the signed-in user, signed on the server, with the metadata", async () => {
	const page = await devices.open("/");
	await page.getByLabel("User id").fill("user_metadata");
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.waitForURL(`${app.url}/dashboard`);
	const contactId = await contactIdOf(page);
	const { contact } = await api<{ contact: Record<string, unknown> }>(
		backend.apiUrl,
		`/contacts/${contactId}`,
		{ token: backend.agentToken },
	);
	expect(contact).toMatchObject({
		externalId: "user_metadata",
		email: "user_metadata@example.com",
		name: "Demo user user_metadata",
		image: "https://avatars.example.com/user_metadata.png",
		metadata: { plan: "pro", signupDate: "2025-01-15", company: "Acme", mrr: 99 },
	});
});

test("a second device signed in as the same user sees the same conversation", async () => {
	const laptop = await devices.open("/dashboard", "user_cross_device");
	const contactId = await contactIdOf(laptop);
	await sendFromWidget(laptop, "Started on my laptop");
	const conversation = await conversationWith(backend, "Started on my laptop");
	expect(conversation.contactId).toBe(contactId);

	const phone = await devices.open("/dashboard", "user_cross_device");
	expect(await contactIdOf(phone)).toBe(contactId);
	const dialog = await openWidget(phone);
	await expect(dialog.getByText("Started on my laptop")).toBeVisible({ timeout: 20_000 });
});

test("a feature flag from support.ts flips live when the backend changes it", async () => {
	const page = await devices.open("/dashboard", "user_flags");
	const contactId = await contactIdOf(page);
	const flag = page.getByTestId("new-message-flag");
	await expect(flag).toHaveAttribute("data-enabled", "false");
	const mutate = (operation: "add" | "remove") =>
		api(backend.apiUrl, "/support/feature-flags", {
			method: "PATCH",
			token: backend.privateKey,
			body: { target: { type: "contact", id: contactId }, operation, flags: ["new-message"] },
		});
	await mutate("add");
	await expect(flag).toHaveAttribute("data-enabled", "true", { timeout: 20_000 });
	await expect(flag.getByRole("button", { name: "New message" })).toBeVisible();
	await mutate("remove");
	await expect(flag).toHaveAttribute("data-enabled", "false", { timeout: 20_000 });
});

test("a custom page of the widget opens from the app", async () => {
	const page = await devices.open("/dashboard", "user_faq");
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
	expect(contents.some(({ text }) => text.includes(backend.server.demo.publicKey))).toBe(true);
	const leaks = Object.entries(secretsOf(backend)).flatMap(([name, secret]) =>
		contents.filter(({ text }) => text.includes(secret)).map(({ file }) => `${name} in ${file}`),
	);
	expect(leaks).toEqual([]);
});
