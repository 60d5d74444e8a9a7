import { type ComponentType, lazy, Suspense } from "react";
import type { TeamRequest } from "../settings/team-request.ts";

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

// The panels are separate modules (and chunks). Globs resolve to nothing while a module does not
// exist yet, so the shell builds either way and shows a placeholder instead.
const settingsModules = import.meta.glob<{ SettingsPage: ComponentType<SettingsPageProps> }>(
	"../settings/settings-page.tsx",
);
const contactModules = import.meta.glob<{ ContactPanel: ComponentType<ContactPanelProps> }>(
	"../contact-panel/contact-panel.tsx",
);

const loadSettings = settingsModules["../settings/settings-page.tsx"];
const loadContact = contactModules["../contact-panel/contact-panel.tsx"];

const LazySettings = loadSettings
	? lazy(() => loadSettings().then((module) => ({ default: module.SettingsPage })))
	: null;
const LazyContact = loadContact
	? lazy(() => loadContact().then((module) => ({ default: module.ContactPanel })))
	: null;

/** The settings page, or a marked placeholder while it is not built. */
export function SettingsPanel(props: SettingsPageProps) {
	if (!LazySettings)
		return <p className="placeholder">Settings are not available in this build yet.</p>;
	return (
		<Suspense fallback={<p className="muted">Loading settings…</p>}>
			<LazySettings {...props} />
		</Suspense>
	);
}

/** The contact panel, or a marked placeholder while it is not built. */
export function ContactPanelSlot(props: ContactPanelProps) {
	if (!LazyContact)
		return <p className="placeholder">Contact details are not available in this build yet.</p>;
	return (
		<Suspense fallback={<p className="muted">Loading contact…</p>}>
			<LazyContact {...props} />
		</Suspense>
	);
}
