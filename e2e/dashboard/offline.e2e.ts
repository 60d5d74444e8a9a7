import { expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.describe("the dashboard offline", () => {
	test("opens from cache with the network off, queues a reply and a priority change, delivers them once online", async ({
		browser,
		context,
		page,
		host,
		signIn,
		backend,
	}) => {
		await signIn(page);
		const visitorContext = await browser.newContext();
		const widget = await visitorWrites(await visitorContext.newPage(), host, "Can I pay by wire?");

		await page.locator(".inbox-row").filter({ hasText: "Can I pay by wire?" }).click();
		await expect(page).toHaveURL(/\/dashboard\/conversations\//);
		const conversationId = new URL(page.url()).pathname.split("/").pop() ?? "";
		// The preview changes with the reply below: follow the row by its conversation.
		const row = page.locator(`[data-row-id="${conversationId}"]`);
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText("Can I pay by wire?")).toBeVisible();
		// The service worker has precached the app shell once it is active and controls the page.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((resolve) =>
					navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
				);
		});

		// Opening the conversation queued its read receipt: let it reach the server first, or it
		// is still queued offline next to the two changes below (CI saw "3 changes queued").
		await expect(page.getByTestId("connection")).toHaveAttribute("data-mode", "online");

		await context.setOffline(true);
		await page.reload();
		// Shell, inbox and the conversation opened before, all from the caches.
		await expect(page.getByTestId("connection")).toHaveAttribute("data-mode", "offline");
		await expect(row).toBeVisible();
		await expect(pane.getByText("Can I pay by wire?")).toBeVisible();

		const composer = pane.getByRole("textbox", { name: "Reply" });
		await composer.fill("Yes, wire transfers work");
		await composer.press("Enter");
		const reply = pane.getByTestId("message").filter({ hasText: "Yes, wire transfers work" });
		await expect(reply.getByTestId("delivery")).toHaveAttribute("data-state", "queued");
		await pane.getByRole("button", { name: "Priority: Medium" }).click();
		await pane.getByRole("option", { name: "Urgent" }).click();
		await expect(row.locator(".badge-priority-urgent")).toBeVisible();
		await expect(row.locator(".badge-queued")).toBeVisible();
		await expect(page.getByTestId("connection")).toContainText("2 changes queued");

		// A reload while offline keeps the queue (IndexedDB), then the network comes back.
		await page.reload();
		await expect(reply.getByTestId("delivery")).toHaveAttribute("data-state", "queued");
		await context.setOffline(false);
		await expect(reply.getByTestId("delivery")).toHaveAttribute("data-state", /sent|seen/, {
			timeout: 30_000,
		});
		await expect(page.getByTestId("connection")).toHaveAttribute("data-mode", "online");
		await expect(pane.locator('[data-event="priority_changed"]')).toBeVisible();
		await expect(row.locator(".badge-queued")).toHaveCount(0);

		// Exactly once: on the server, on the visitor's screen and in the agent's timeline.
		await expect(widget.getByText("Yes, wire transfers work")).toHaveCount(1);
		await expect(reply).toHaveCount(1);
		const login = await fetch(`${backend.url}/v1/auth/login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({
				email: backend.demo.agentEmail,
				password: backend.demo.agentPassword,
			}),
		});
		const { token } = (await login.json()) as { token: string };
		const detail = (await (
			await fetch(`${backend.url}/v1/conversations/${conversationId}?limit=100`, {
				headers: { authorization: `Bearer ${token}` },
			})
		).json()) as {
			conversation: { priority: string };
			timeline: {
				items: Array<{ parts: Array<{ type: string; text?: string; eventType?: string }> }>;
			};
		};
		expect(detail.conversation.priority).toBe("urgent");
		const texts = detail.timeline.items.flatMap((item) =>
			item.parts.filter((part) => part.text === "Yes, wire transfers work"),
		);
		expect(texts).toHaveLength(1);
		const events = detail.timeline.items.flatMap((item) =>
			item.parts.filter((part) => part.eventType === "priority_changed"),
		);
		expect(events).toHaveLength(1);
		await visitorContext.close();
	});
});
