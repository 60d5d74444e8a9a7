import { fireEvent, render, screen, within } from "@testing-library/react";
import { SettingsPage } from "../../../src/settings/settings-page.tsx";
import type { DashboardServer } from "./dashboard-server.ts";

/** Server answers on a busy 2-core machine: generous, never a timing assertion. */
export const SLOW = { timeout: 20_000 };

/** The settings page as the demo admin sees it. */
export function renderAdminPage(ctx: DashboardServer) {
	// biome-ignore lint/a11y/useValidAriaRole: `role` is the agent's role, not an ARIA role
	return render(<SettingsPage request={ctx.request} websiteId={ctx.websiteId} role="admin" />);
}

/** A section of the page by its heading. */
export function section(name: string) {
	return screen.findByRole("region", { name }, SLOW);
}

/** Types `value` into the field labelled `label` inside `container`. */
export async function typeInto(container: HTMLElement, label: string, value: string) {
	const field = await within(container).findByLabelText(label, {}, SLOW);
	fireEvent.change(field, { target: { value } });
	return field as HTMLInputElement;
}
