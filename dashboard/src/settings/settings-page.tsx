import { type AgentRole, type WebsiteSettings, websiteSettingsSchema } from "@cossistant/types";
import { useCallback, useId } from "react";
import { errorMessage } from "../api/error-message.ts";
import { expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { AgentsSection } from "./agents-section.tsx";
import { AllowedDomainsSection } from "./allowed-domains-section.tsx";
import { ApiKeysSection } from "./api-keys-section.tsx";
import { FeatureFlagsSection } from "./feature-flags-section.tsx";
import { IdentitySecretSection } from "./identity-secret-section.tsx";
import { useLoaded } from "./use-loaded.ts";
import "./settings.css";

/** Props of {@link SettingsPage}. */
export interface SettingsPageProps {
	/** Authenticated REST calls as the signed-in agent (see `team-request.ts`). */
	request: TeamRequest;
	/** The website whose settings are shown. */
	websiteId: string;
	/** The signed-in agent's role: agents who are not admins get a read-only page. */
	role: AgentRole;
}

/**
 * A website's settings. Admins manage, under "Developers", the API keys and the Allowed domains
 * (the origins the public keys work from), then the identity-verification secret, the team and
 * feature flags; other agents see the Allowed domains, the team and flags, read only, under a
 * notice saying so. Every section talks to the REST API on its own and shows its
 * errors next to the form that caused them.
 */
export function SettingsPage({ request, websiteId, role }: SettingsPageProps) {
	const headingId = useId();
	const developersId = useId();
	const isAdmin = role === "admin";
	const settings = useLoaded(
		useCallback(
			async () =>
				expectAnswer(
					websiteSettingsSchema,
					await request(`/websites/${encodeURIComponent(websiteId)}/settings`),
					"the settings",
				),
			[request, websiteId],
		),
	);
	const { setData } = settings;
	const onSettings = useCallback((next: WebsiteSettings) => setData(() => next), [setData]);

	return (
		<section className="dash-settings" aria-labelledby={headingId}>
			<h1 id={headingId} className="dash-settings-title">
				Settings
				{settings.data ? <span className="dash-settings-site"> · {settings.data.name}</span> : null}
			</h1>
			{isAdmin ? null : (
				<p className="dash-notice" role="note">
					You are signed in as an agent: these settings are read-only. Ask an admin of this website
					to change keys, Allowed domains, the identity secret, the team or feature flags.
				</p>
			)}
			{settings.error && !settings.data ? (
				<div role="alert" className="dash-error">
					Could not load the website's settings: {errorMessage(settings.error)}{" "}
					<button type="button" className="dash-link-button" onClick={() => void settings.reload()}>
						Retry
					</button>
				</div>
			) : null}
			<section className="dash-settings-group" aria-labelledby={developersId}>
				<h2 id={developersId} className="dash-settings-group-title">
					Developers
				</h2>
				{isAdmin ? <ApiKeysSection request={request} websiteId={websiteId} /> : null}
				{settings.data ? (
					<AllowedDomainsSection
						request={request}
						websiteId={websiteId}
						settings={settings.data}
						onSettings={onSettings}
						readOnly={!isAdmin}
					/>
				) : null}
			</section>
			{settings.data && isAdmin ? (
				<IdentitySecretSection
					request={request}
					websiteId={websiteId}
					settings={settings.data}
					onSettings={onSettings}
				/>
			) : null}
			<AgentsSection
				request={request}
				websiteId={websiteId}
				readOnly={!isAdmin}
				websiteName={settings.data?.name}
			/>
			<FeatureFlagsSection request={request} readOnly={!isAdmin} />
		</section>
	);
}
