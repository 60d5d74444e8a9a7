import { sendMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

test.describe("customization (docs: Customization, Routing & Pages, Locale & Text, Theme)", () => {
	test("level 3: a custom Support.Trigger in a topbar gets isOpen and unreadCount", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("custom-trigger");
		const nav = page.getByRole("navigation", { name: "Main" });
		// The window renders inside <Support>, in the nav too: address the trigger by its class.
		const trigger = nav.locator("button.topbar-help");
		await expect(page.locator(".co-trigger-default")).toHaveCount(0);
		await expect(trigger).toHaveText("Help");
		await trigger.click();
		await expect(trigger).toHaveText("Close");
		await expect(trigger).toHaveAttribute("aria-expanded", "true");
		const dialog = page.getByRole("dialog", { name: "Support" });
		// side="bottom": the window opens below the topbar trigger, inside the viewport.
		const triggerBox = await trigger.boundingBox();
		const dialogBox = await dialog.boundingBox();
		const viewport = page.viewportSize();
		expect(triggerBox && dialogBox && viewport).toBeTruthy();
		if (triggerBox && dialogBox && viewport) {
			expect(dialogBox.y).toBeGreaterThan(triggerBox.y + triggerBox.height);
			expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(viewport.width - 8 + 0.5);
		}

		await dialog.getByRole("button", { name: "Ask a question" }).click();
		await sendMessage(dialog, "Question from the topbar");
		const conversation = await desk.conversationWithMessage("Question from the topbar");
		await trigger.click();
		await expect(dialog).toHaveCount(0);
		await expect(trigger).toHaveText("Help");
		await desk.reply(conversation.id, "Answer for the topbar");
		await expect(nav.getByTestId("topbar-badge")).toHaveText("1");
		await expect(trigger).toHaveText("Help1");
		await trigger.click();
		await expect(dialog.getByText("Answer for the topbar")).toBeVisible();
		await expect(nav.getByTestId("topbar-badge")).toHaveCount(0);
	});

	test("collision avoidance: asked to open above a topbar trigger, the window flips below it", async ({
		openHost,
	}) => {
		const page = await openHost("custom-trigger", { side: "top" });
		const trigger = page.locator("button.topbar-help");
		await trigger.click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toHaveAttribute("data-side", "bottom");
		const triggerBox = await trigger.boundingBox();
		const box = await dialog.boundingBox();
		if (!triggerBox || !box) throw new Error("trigger or window not laid out");
		expect(box.y).toBeGreaterThanOrEqual(triggerBox.y + triggerBox.height - 0.5);
		expect(box.x + box.width).toBeLessThanOrEqual((page.viewportSize()?.width ?? 0) - 8 + 0.5);
	});

	test("custom pages: Support.Page with typed params, navigate, goBack, canGoBack", async ({
		openHost,
	}) => {
		const page = await openHost("custom-pages");
		await page.getByRole("button", { name: "Open profile settings" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog.getByRole("heading", { name: "Settings" })).toBeVisible();
		await expect(dialog.getByText("Current tab: profile")).toBeVisible();
		await dialog.getByRole("button", { name: "Open help" }).click();
		await expect(dialog.getByRole("heading", { name: "Help Center" })).toBeVisible();
		await expect(dialog.getByText("Page: HELP")).toBeVisible();
		await dialog.getByRole("button", { name: "Back to settings" }).click();
		await expect(dialog.getByText("Current tab: profile")).toBeVisible();
		await dialog.getByRole("button", { name: "Go back" }).click();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
	});

	test('locale="fr": the trigger, the window and the composer speak French', async ({
		openHost,
		context,
	}) => {
		const page = await openHost("quickstart", { locale: "fr" });
		await page.getByRole("button", { name: "Ouvrir le support" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog.getByText("Comment pouvons-nous vous aider ?")).toBeVisible();
		await expect(dialog.locator('[data-key-name="page.home.tagline"]')).toBeVisible();
		await dialog.getByRole("button", { name: "Poser une question" }).click();
		await expect(dialog.getByRole("textbox", { name: "Message" })).toHaveAttribute(
			"placeholder",
			"Écrivez un message…",
		);
		await expect(dialog.getByRole("button", { name: "Envoyer" })).toBeVisible();
		await expect(page.getByRole("button", { name: "Fermer le support" })).toBeVisible();

		// The offline notice and delivery states too.
		await context.setOffline(true);
		await expect(dialog.getByRole("status")).toHaveText(
			"Vous êtes hors ligne. Vos messages seront envoyés dès le retour de la connexion.",
		);
		await sendMessage(dialog, "Bonjour !");
		await expect(dialog.getByTestId("co-delivery")).toHaveText("Envoi en cours…");
		await context.setOffline(false);
		await expect(dialog.getByTestId("co-delivery")).toHaveText(/^(Envoyé|Vu)$/, {
			timeout: 30_000,
		});
	});

	test("dark mode follows .dark or data-color-scheme on an ancestor; the theme prop wins", async ({
		openHost,
		page,
	}) => {
		const background = async (settings: Record<string, string>) => {
			await openHost("quickstart", settings);
			await page.getByRole("button", { name: "Open support" }).click();
			return page.locator(".co-content").evaluate((node) => getComputedStyle(node).backgroundColor);
		};
		// The documented defaults: oklch(99% 0 0) light, oklch(15.5% 0 0) dark.
		const LIGHT = /oklch\(0\.99 0 0\)|rgb\(\s*25[0-5],/;
		const DARK = /oklch\(0\.155 0 0\)|rgb\(\s*1\d,/;
		expect(await background({})).toMatch(LIGHT);
		expect(await background({ dark: "1" })).toMatch(DARK);
		expect(await background({ colorScheme: "dark" })).toMatch(DARK);
		expect(await background({ dark: "1", theme: "light" })).toMatch(LIGHT);
		expect(await background({ theme: "dark" })).toMatch(DARK);

		// The host's own styles (Georgia body font) do not leak into the widget.
		const font = await page
			.locator(".co-content")
			.evaluate((node) => getComputedStyle(node).fontFamily);
		expect(font).not.toContain("Georgia");
	});

	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 360, height: 640 },
	]) {
		test(`positioning: the window sits above the default trigger, inside a ${viewport.width}×${viewport.height} viewport`, async ({
			openHost,
			page,
		}) => {
			await page.setViewportSize(viewport);
			await openHost("quickstart");
			const trigger = page.getByRole("button", { name: "Open support" });
			await trigger.click();
			const dialog = page.getByRole("dialog", { name: "Support" });
			await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
			const triggerBox = await page.locator(".co-trigger").boundingBox();
			const box = await dialog.boundingBox();
			if (!triggerBox || !box) throw new Error("trigger or window not laid out");
			// side="top" (default): above the trigger, with the default collisionPadding of 8 px.
			expect(box.y + box.height).toBeLessThanOrEqual(triggerBox.y + 0.5);
			expect(box.y).toBeGreaterThanOrEqual(8 - 0.5);
			expect(box.x).toBeGreaterThanOrEqual(8 - 0.5);
			expect(box.x + box.width).toBeLessThanOrEqual(viewport.width - 8 + 0.5);
			await expect(dialog).toHaveAttribute("data-side", "top");
		});
	}
});
