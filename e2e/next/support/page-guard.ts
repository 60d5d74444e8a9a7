import type { Page, Response } from "@playwright/test";

/**
 * Records what must never happen on the example's pages: `console.error`, uncaught errors,
 * React's hydration warnings (any level), and secrets in any response the browser receives from
 * the app (HTML, RSC payloads, scripts).
 */
export class PageGuard {
	readonly problems: string[] = [];
	private readonly pendingBodies: Array<Promise<void>> = [];

	constructor(
		private readonly appUrl: string,
		private readonly secrets: Record<string, string>,
	) {}

	watch(page: Page): Page {
		page.on("console", (message) => {
			const text = message.text();
			if (message.type() === "error") this.problems.push(`console.error: ${text}`);
			else if (/hydrat/i.test(text)) this.problems.push(`hydration ${message.type()}: ${text}`);
		});
		page.on("pageerror", (error) => this.problems.push(`pageerror: ${error.message}`));
		page.on("response", (response) => {
			if (response.url().startsWith(this.appUrl)) this.pendingBodies.push(this.scan(response));
		});
		return page;
	}

	private async scan(response: Response): Promise<void> {
		let body: string;
		try {
			body = (await response.body()).toString("latin1");
		} catch {
			return; // redirects and aborted navigations have no body
		}
		for (const [name, value] of Object.entries(this.secrets)) {
			if (body.includes(value)) this.problems.push(`${name} in the response of ${response.url()}`);
		}
	}

	/** Waits for the scanned bodies and returns the problems seen. */
	async settle(): Promise<string[]> {
		await Promise.all(this.pendingBodies.splice(0));
		return this.problems;
	}
}
