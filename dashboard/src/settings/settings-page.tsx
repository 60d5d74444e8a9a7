import { type AgentRole, type WebsiteSettings, websiteSettingsSchema } from "@cossistant/types";
import { useCallback, useId } from "react";
import { errorMessage } from "../api/error-message.ts";
import { expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { Button } from "../ui/button.tsx";
import { Skeleton } from "../ui/skeleton.tsx";
import { AgentsSection } from "./agents-section.tsx";
import { AllowedDomainsSection } from "./allowed-domains-section.tsx";
import { ApiKeysSection } from "./api-keys-section.tsx";
import { FeatureFlagsSection } from "./feature-flags-section.tsx";
import { IdentitySecretSection } from "./identity-secret-section.tsx";
import { ReplyTimeSection } from "./reply-time-section.tsx";
import { useLoaded } from "./use-loaded.ts";

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
 * (the origins the public keys work from), then the identity-verification secret, the reply time
 * the widget shows, the team and feature flags; other agents see the Allowed domains, the reply
 * time, the team and flags, read only, under a notice saying so. Every section talks to the REST API on its own and shows its
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
		<section
			className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-4 pb-16 sm:p-8"
			aria-labelledby={headingId}
		>
			<header className="flex flex-col gap-1">
				<h1 id={headingId} className="m-0 text-xl font-semibold tracking-tight">
					Settings
				</h1>
				<p className="m-0 text-muted-foreground">
					{settings.data ? settings.data.name : "Your website"}: keys, allowed domains, identity
					verification, reply time, the team and feature flags.
				</p>
			</header>
			{isAdmin ? null : (
				<p
					className="m-0 rounded-lg border border-note-border bg-note px-4 py-3 text-sm text-note-foreground"
					role="note"
				>
					You are signed in as an agent: these settings are read-only. Ask an admin of this website
					to change keys, Allowed domains, the identity secret, the team or feature flags.
				</p>
			)}
			{settings.error && !settings.data ? (
				<div
					role="alert"
					className="flex flex-wrap items-center gap-3 rounded-lg border border-danger/40 bg-danger/8 px-4 py-3 text-sm text-danger"
				>
					<span className="flex-1">
						Could not load the website's settings: {errorMessage(settings.error)}
					</span>
					<Button variant="outline" size="sm" onClick={() => void settings.reload()}>
						Retry
					</Button>
				</div>
			) : null}
			<section className="flex flex-col gap-4" aria-labelledby={developersId}>
				<h2
					id={developersId}
					className="m-0 text-xs font-semibold tracking-wide text-muted-foreground uppercase"
				>
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
				) : settings.loading ? (
					<SectionSkeleton />
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
			{settings.data ? (
				<ReplyTimeSection
					request={request}
					websiteId={websiteId}
					settings={settings.data}
					onSettings={onSettings}
					readOnly={!isAdmin}
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

/** A card's shape while its data loads. */
export function SectionSkeleton() {
	return (
		<div className="flex flex-col gap-3 rounded-xl border border-border p-6" aria-hidden="true">
			<Skeleton className="h-4 w-1/4" />
			<Skeleton className="h-3 w-3/4" />
			<Skeleton className="h-9 w-full" />
		</div>
	);
}
