// Mounts a page of samples inside SupportProvider, as the React Quickstart's main.tsx does, with
// the key and server the Playwright test writes into the page (the e2e host pages' mount).
import "./app-globals.ts";
import type { ReactNode } from "react";
import { mount as mountHost, pageParams } from "../../e2e/widget/host/mount.tsx";

export { pageParams };

/** Renders `app` under a heading the test waits for, inside the Quickstart's SupportProvider. */
export function mount(app: ReactNode): void {
	mountHost(
		<>
			<h1>Doc samples</h1>
			{app}
		</>,
	);
}
