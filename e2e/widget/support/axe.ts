import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Injects axe-core into the page and runs every rule (colour contrast included, which needs a
 * real rendering engine) on `selector`; returns the violations as short strings.
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
	if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
	return page.evaluate(async (target) => {
		const axe = (
			window as unknown as {
				axe: {
					run(
						context: string,
						options: object,
					): Promise<{
						violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
					}>;
				};
			}
		).axe;
		const results = await axe.run(target, { resultTypes: ["violations"] });
		return results.violations.map(
			(violation) =>
				`${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
		);
	}, selector);
}
