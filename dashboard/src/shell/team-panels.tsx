import { lazy, Suspense } from "react";
import type { TeamRequest } from "../api/team-request.ts";

/** Props of the settings page (admins), built in `settings/settings-page.tsx`. */
export interface SettingsPageProps {
	request: TeamRequest;
	websiteId: string;
	role: "admin" | "agent";
}

/** Props of the contact panel beside a conversation, built in `contact-panel/contact-panel.tsx`. */
export interface ContactPanelProps {
	request: TeamRequest;
	conversationId: string;
	visitorId: string;
	contactId: string | null;
	onOpenConversation: (conversationId: string) => void;
}

// Separate chunks: most sessions never open settings, and the inbox paints before the panel loads.
const LazySettings = lazy(() =>
	import("../settings/settings-page.tsx").then((module) => ({ default: module.SettingsPage })),
);
const LazyContact = lazy(() =>
	import("../contact-panel/contact-panel.tsx").then((module) => ({ default: module.ContactPanel })),
);

/** The settings page, loaded on first use. */
export function SettingsPanel(props: SettingsPageProps) {
	return (
		<Suspense fallback={<p className="p-8 text-muted-foreground">Loading settings…</p>}>
			<LazySettings {...props} />
		</Suspense>
	);
}

/** The contact panel, loaded on first use. */
export function ContactPanelSlot(props: ContactPanelProps) {
	return (
		<Suspense fallback={<p className="p-4 text-muted-foreground">Loading contact…</p>}>
			<LazyContact {...props} />
		</Suspense>
	);
}
