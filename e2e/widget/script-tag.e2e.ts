// The script-tag embed on a plain HTML page (no build step) of another origin than the API, as a
// WordPress or Rails site would paste it: the queue stub before the loader, the widget in a
// shadow root, a conversation with a real agent, and CSS isolated both ways.
import type { Page } from "@playwright/test";
import { EMBED_VERSION, expect, type PlainSite, test } from "./support/embed-test.ts";
import { sendMessage } from "./support/widget-page.ts";

/** The snippet of the docs, then calls queued before the loader arrives. */
function plainPage(loaderUrl: string, publicKey: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A plain site</title>
<style>
	/* A site's global styles: none may reach the widget. */
	body { font-family: "Courier New", monospace; letter-spacing: 3px; color: rgb(0, 128, 0); }
	* { text-transform: uppercase; }
	button { background: rgb(255, 0, 0); color: rgb(255, 255, 0); border-radius: 0; }
</style>
<script>
	window.Cossistant = window.Cossistant || function () { (Cossistant.q = Cossistant.q || []).push(arguments) };
	window.seen = [];
	Cossistant("on", "ready", function () { seen.push("ready") });
	Cossistant("on", "open", function () { seen.push("open") });
	Cossistant("on", "close", function () { seen.push("close") });
	Cossistant("on", "messageReceived", function (event) { seen.push("received:" + event.message.parts[0].text) });
	Cossistant("identify", { externalId: "embed_user_1", name: "Jane Embed", email: "jane@embed.example" });
	Cossistant("show");
</script>
<script async src="${loaderUrl}" data-public-key="${publicKey}"></script>
</head>
<body>
	<h1>A plain site</h1>
	<!-- Elements with the widget's class names: its CSS must not style them. -->
	<button type="button" class="co-trigger-default co-button">Page button</button>
	<div class="cossistant co-content" id="look-alike"><p class="co-message-bubble">Page text</p></div>
</body>
</html>`;
}

async function openPlainPage(page: Page, site: PlainSite, backendUrl: string, publicKey: string) {
	const loaderUrl = `${backendUrl}/widget/${EMBED_VERSION}/loader.js`;
	// Really cross-origin: the page and the API/loader differ in host and port.
	expect(new URL(loaderUrl).origin).not.toBe(site.origin);
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	await page.goto(site.page("/index.html", plainPage(loaderUrl, publicKey)));
	return errors;
}

test.describe("the script-tag embed", () => {
	test("queued calls replay, a visitor chats with an agent, and CSS stays on its side", async ({
		page,
		site,
		backend,
		desk,
	}) => {
		const errors = await openPlainPage(page, site, backend.url, backend.demo.publicKey);

		// `show` and `identify`, queued before the loader ran: open, greeting the identified Jane.
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByText(/Jane Embed/)).toBeVisible();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
			.toEqual(["ready", "open"]);

		// Everything the widget renders (its window included) lives in the shadow root.
		const placement = await page.evaluate(() => {
			const hosts = document.querySelectorAll("cossistant-widget");
			const shadow = hosts[0]?.shadowRoot;
			return {
				hosts: hosts.length,
				dialogInDocument: document.querySelectorAll("[role=dialog], .co-root").length,
				dialogInShadow: shadow?.querySelectorAll("[role=dialog]").length ?? 0,
				stylesheet: shadow?.querySelector("link[rel=stylesheet]")?.getAttribute("href") ?? null,
			};
		});
		expect(placement).toEqual({
			hosts: 1,
			dialogInDocument: 0,
			dialogInShadow: 1,
			stylesheet: `${backend.url}/widget/${EMBED_VERSION}/widget.css`,
		});

		// The page's `button`, `*` and inherited body styles do not reach the widget's button.
		const ask = dialog.getByRole("button", { name: "Ask a question" });
		const widgetStyle = await ask.evaluate((element) => {
			const style = getComputedStyle(element);
			return {
				background: style.backgroundColor,
				color: style.color,
				textTransform: style.textTransform,
				letterSpacing: style.letterSpacing,
				fontFamily: style.fontFamily,
			};
		});
		expect(widgetStyle.background).not.toBe("rgb(255, 0, 0)");
		expect(widgetStyle.color).not.toBe("rgb(255, 255, 0)");
		expect(widgetStyle.textTransform).toBe("none");
		expect(widgetStyle.letterSpacing).toBe("normal");
		expect(widgetStyle.fontFamily).not.toContain("Courier");

		// The widget's CSS does not reach the page's elements that share its class names.
		const pageStyle = await page.evaluate(() => {
			const button = document.querySelector<HTMLElement>("button.co-trigger-default");
			const lookAlike = document.getElementById("look-alike");
			const bubble = document.querySelector<HTMLElement>("#look-alike .co-message-bubble");
			if (!button || !lookAlike || !bubble) throw new Error("page elements missing");
			return {
				buttonPosition: getComputedStyle(button).position,
				buttonBackground: getComputedStyle(button).backgroundColor,
				lookAlikeFontSize: getComputedStyle(lookAlike).fontSize,
				lookAlikePosition: getComputedStyle(lookAlike).position,
				bubblePadding: getComputedStyle(bubble).padding,
			};
		});
		expect(pageStyle).toEqual({
			buttonPosition: "static",
			buttonBackground: "rgb(255, 0, 0)",
			lookAlikeFontSize: "16px",
			lookAlikePosition: "static",
			bubblePadding: "0px",
		});

		// A message to the agent, and the agent's answer back.
		await ask.click();
		await sendMessage(dialog, "Hello from a plain HTML page");
		const conversation = await desk.conversationWithMessage("Hello from a plain HTML page");
		await desk.reply(conversation.id, "Hello, plain page! How can I help?");
		await expect(dialog.getByText("Hello, plain page! How can I help?")).toBeVisible();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
			.toContain("received:Hello, plain page! How can I help?");

		// The API after the loader: methods and the command function alike.
		await page.evaluate(() =>
			(window as unknown as { Cossistant: { hide(): void } }).Cossistant.hide(),
		);
		await expect(dialog).toHaveCount(0);
		await page.evaluate(() =>
			(window as unknown as { Cossistant: (name: string) => void }).Cossistant("toggle"),
		);
		await expect(dialog).toBeVisible();
		await expect(dialog.getByText("Hello, plain page! How can I help?")).toBeVisible();
		await page.evaluate(() =>
			(window as unknown as { Cossistant: { destroy(): void } }).Cossistant.destroy(),
		);
		await expect(page.locator("cossistant-widget")).toHaveCount(0);
		expect(errors, "uncaught errors in the page").toEqual([]);
	});

	test("Tab stays inside the open window in its shadow root", async ({ page, site, backend }) => {
		await openPlainPage(page, site, backend.url, backend.demo.publicKey);
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
		const focusedLabel = () =>
			page.evaluate(() => {
				const shadow = document.querySelector("cossistant-widget")?.shadowRoot;
				const active = shadow?.activeElement;
				return active ? (active.getAttribute("aria-label") ?? active.textContent ?? "") : null;
			});
		// Every Tab and Shift+Tab keeps focus on an element of the widget's shadow root.
		for (let i = 0; i < 12; i += 1) {
			await page.keyboard.press("Tab");
			expect(await focusedLabel(), `after Tab #${i + 1}`).not.toBeNull();
		}
		for (let i = 0; i < 12; i += 1) {
			await page.keyboard.press("Shift+Tab");
			expect(await focusedLabel(), `after Shift+Tab #${i + 1}`).not.toBeNull();
		}
	});
});

/** The docs' object stub (`Cossistant.show()` before the loader), then `init` with options. */
function docsStubPage(loaderUrl: string, publicKey: string): string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Docs stub</title>
<script>
	(function (w) {
		var c = (w.Cossistant = w.Cossistant || { __queue: [] });
		var methods = "init show hide toggle identify updateConfig destroy on off".split(" ");
		for (var i = 0; i < methods.length; i++) {
			(function (m) {
				c[m] = c[m] || function () { c.__queue.push({ method: m, args: [].slice.call(arguments) }); };
			})(methods[i]);
		}
	})(window);
	window.seen = [];
	window.Cossistant.on("ready", function () { seen.push("ready") });
</script>
<script async src="${loaderUrl}"></script>
<script>
	window.Cossistant.init({ publicKey: "${publicKey}", quickOptions: ["How do I get started?"] });
	window.Cossistant.show();
</script>
</head><body><h1>Docs stub</h1></body></html>`;
}

test.describe("the docs' queue stub", () => {
	test("calls made on the object stub before the loader replay in order", async ({
		page,
		site,
		backend,
	}) => {
		const loaderUrl = `${backend.url}/widget/${EMBED_VERSION}/loader.js`;
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		await page.goto(site.page("/docs-stub.html", docsStubPage(loaderUrl, backend.demo.publicKey)));
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
		await expect(dialog.getByText("How do I get started?")).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain(
			"ready",
		);
		// `on` answers with the function that unsubscribes.
		const unsubscribes = await page.evaluate(
			() =>
				typeof (
					window as unknown as { Cossistant: { on: (n: string, f: () => void) => unknown } }
				).Cossistant.on("open", () => {}),
		);
		expect(unsubscribes).toBe("function");
		expect(errors).toEqual([]);
	});
});

test.describe("the demo page of npm start", () => {
	test("embeds the widget with the demo key through /widget/latest/, and opens it", async ({
		page,
		backend,
	}) => {
		expect(backend.demo.demoUrl).toBe(`${backend.url}/demo/`);
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		const csp: string[] = [];
		page.on("console", (message) => {
			if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
		});
		await page.goto(`${backend.url}/demo/`);
		await expect(
			page.getByRole("heading", { name: "Chat with yourself in one minute" }),
		).toBeVisible();
		await page.getByRole("button", { name: "Open support" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
		// The demo website's name comes from the server's bootstrap: the key worked.
		await expect(dialog.getByRole("heading", { level: 2 })).not.toHaveText("");
		expect(errors).toEqual([]);
		expect(csp, "the demo page's policy blocked something").toEqual([]);
	});
});
