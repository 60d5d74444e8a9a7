import { expect, test } from "./support/widget-test.ts";

test.describe("support state (docs: Support State)", () => {
	test("useFeatureFlag follows a backend's flag mutations live", async ({ openHost, desk }) => {
		const page = await openHost("support-state");
		const visitorId = page.getByTestId("visitor-id");
		await expect(visitorId).not.toHaveText("");
		const id = (await visitorId.textContent()) ?? "";
		const newMessage = page.getByRole("button", { name: "New message" });
		await expect(newMessage).toHaveCount(0);

		await desk.mutateFlags({
			target: { type: "visitor", id },
			operation: "add",
			flags: ["new-message"],
		});
		await expect(newMessage).toBeVisible();

		await desk.mutateFlags({
			target: { type: "visitor", id },
			operation: "remove",
			flags: ["new-message"],
		});
		await expect(newMessage).toHaveCount(0);
	});

	test("useOnboarding completes a step with metadata, live in every tab of the visitor", async ({
		openHost,
		context,
		host,
	}) => {
		const page = await openHost("support-state");
		// The first tab's visitor exists (and is stored) before the second tab loads: two tabs
		// opened in the same instant on a first visit each create a visitor (CI saw it once).
		await expect(page.getByTestId("visitor-id")).not.toHaveText("");
		const other = await context.newPage();
		await other.goto(host.url("support-state"));
		for (const tab of [page, other]) {
			await expect(tab.getByTestId("current-step")).toHaveText("workspace");
			await expect(tab.getByTestId("workspace-name")).toHaveText("unnamed");
		}
		// Same visitor in both tabs (shared storage of one browser profile).
		await expect(other.getByTestId("visitor-id")).toHaveText(
			(await page.getByTestId("visitor-id").textContent()) ?? "",
		);

		await page.getByRole("textbox", { name: "Workspace name" }).fill("Globex");
		await page.getByRole("button", { name: "Create workspace" }).click();
		// Optimistic in the tab that acted, then pushed by the server to the other one.
		await expect(page.getByTestId("current-step")).toHaveText("invite-team");
		await expect(page.getByTestId("workspace-name")).toHaveText("Globex");
		await expect(other.getByTestId("current-step")).toHaveText("invite-team");
		await expect(other.getByTestId("workspace-name")).toHaveText("Globex");

		// And it is stored: a fresh load reads it back from the server.
		await other.reload();
		await expect(other.getByTestId("current-step")).toHaveText("invite-team");
		await expect(other.getByTestId("workspace-name")).toHaveText("Globex");
	});
});
