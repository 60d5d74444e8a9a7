import axe from "axe-core";

/**
 * Runs axe on `element` and returns its violations as short strings. Rules that need a
 * rendering engine (colour contrast, which happy-dom cannot compute) are left to the browser
 * suites.
 */
export async function axeViolations(element: Element): Promise<string[]> {
	const results = await axe.run(element, {
		rules: { "color-contrast": { enabled: false } },
		resultTypes: ["violations"],
	});
	return results.violations.map(
		(violation) =>
			`${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
	);
}
