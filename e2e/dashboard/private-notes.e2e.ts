import { expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.describe("internal notes", () => {
	test("a note written in the dashboard never reaches the visitor's page or WebSocket frames", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await signIn(page);
		const visitorContext = await browser.newContext();
		const visitorPage = await visitorContext.newPage();
		const frames: string[] = [];
		visitorPage.on("websocket", (socket) => {
			socket.on("framereceived", ({ payload }) => {
				frames.push(
					typeof payload === "string" ? payload : Buffer.from(payload).toString("latin1"),
				);
			});
		});
		const widget = await visitorWrites(visitorPage, host, "Is my account locked?");

		await page.locator(".inbox-row").filter({ hasText: "Is my account locked?" }).click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await pane.getByRole("button", { name: "Internal note" }).click();
		const noteBox = pane.getByRole("textbox", { name: "Internal note" });
		await noteBox.fill("NOTE-7f3a: fraud suspected, do not unlock");
		await noteBox.press("Enter");
		const note = pane.getByTestId("internal-note").filter({ hasText: "NOTE-7f3a" });
		await expect(note).toBeVisible();
		await expect(note.getByText("Internal note", { exact: true })).toBeVisible();
		await expect(note.getByTestId("delivery")).toHaveAttribute("data-state", "sent");

		// A public reply after the note: once the visitor has it, the note had every chance to leak.
		await pane.getByRole("button", { name: "Reply", exact: true }).click();
		const replyBox = pane.getByRole("textbox", { name: "Reply" });
		await replyBox.fill("PUBLIC-51c2: we are checking");
		await replyBox.press("Enter");
		await expect(widget.getByText("PUBLIC-51c2: we are checking")).toBeVisible();

		// The capture works (the public reply is in the frames, as UTF-8 inside Yjs updates)...
		expect(frames.some((frame) => frame.includes("PUBLIC-51c2"))).toBe(true);
		// ...and the note is in no frame and nowhere in the visitor's DOM.
		expect(frames.filter((frame) => frame.includes("NOTE-7f3a"))).toEqual([]);
		expect(await visitorPage.content()).not.toContain("NOTE-7f3a");
		// A fresh load of the visitor's page (documents from the server again) does not get it either.
		await visitorPage.reload();
		await visitorPage.getByRole("button", { name: "Open support" }).click();
		await expect(visitorPage.getByRole("dialog", { name: "Support" })).toBeVisible();
		await visitorPage.waitForTimeout(1_000);
		expect(frames.filter((frame) => frame.includes("NOTE-7f3a"))).toEqual([]);
		expect(await visitorPage.content()).not.toContain("NOTE-7f3a");
		await visitorContext.close();
	});
});
