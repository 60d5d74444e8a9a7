import { expect, it } from "vitest";
import { measureWidgetSize } from "./measure-widget.ts";

// Issue budget (React and React DOM excluded): what a host page loads before the trigger shows
// ≤ 15 KB gzipped; the client (Yjs, Hocuspocus, zod) and the pages load on idle or on open.
it("keeps the code a host page loads before the trigger under 15 KB gzipped", async () => {
	const size = await measureWidgetSize();
	console.info(
		`widget size: initial ${size.initialGzipKB} KB gz, total ${size.totalGzipKB} KB gz; largest (min): ${size.largest
			.map(({ name, minifiedKB }) => `${name} ${minifiedKB} KB`)
			.join(", ")}`,
	);
	expect(size.initialGzipKB).toBeLessThanOrEqual(15);
	expect(size.totalGzipKB).toBeGreaterThan(size.initialGzipKB);
});
