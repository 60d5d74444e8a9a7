import {
	allowedOriginSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { useId, useState } from "react";
import { checkInput, expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { submits, useFormAction } from "../forms/use-form-action.ts";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { Input } from "../ui/input.tsx";
import { SettingsSection } from "./settings-section.tsx";

/** Props of {@link AllowedDomainsSection}. */
export interface AllowedDomainsSectionProps {
	request: TeamRequest;
	websiteId: string;
	settings: WebsiteSettings;
	/** Called with the settings the server answered after a change. */
	onSettings: (settings: WebsiteSettings) => void;
	/** Agents who are not admins see the list only. */
	readOnly: boolean;
}

/**
 * "Allowed domains" (Settings → Developers): the domains whose pages may use the website's
 * public keys. Stored and sent as origins (`allowedOrigins`): an exact one
 * (`https://app.example.com`) or a wildcard of subdomains (`https://*.example.com`); admins
 * read "domains", the word the docs and the widget's setup errors use. Input is checked with
 * the server's own schema first, so a path, a missing protocol or a bare `*.com` is explained
 * before anything is sent.
 */
export function AllowedDomainsSection(props: AllowedDomainsSectionProps) {
	const { request, websiteId, settings, onSettings, readOnly } = props;
	const inputId = useId();
	const hintId = useId();
	const errorId = useId();
	const [origin, setOrigin] = useState("");
	const [removing, setRemoving] = useState<string | null>(null);

	const save = async (allowedOrigins: string[]) =>
		expectAnswer(
			websiteSettingsSchema,
			await request(`/websites/${encodeURIComponent(websiteId)}/settings`, {
				method: "PATCH",
				body: { allowedOrigins },
			}),
			"the settings",
		);

	const { status, announce } = useAnnouncer();
	const add = useFormAction(
		async () => {
			const input = checkInput(allowedOriginSchema, origin);
			if (!input.ok)
				throw new Error(`“${origin.trim() || "(empty)"}” ${domainWording(input.message)}.`);
			if (settings.allowedOrigins.includes(input.value))
				throw new Error(`${input.value} is already in Allowed domains.`);
			onSettings(await save([...settings.allowedOrigins, input.value]));
			setOrigin("");
			return `${input.value} added to Allowed domains.`;
		},
		{ announce },
	);

	const remove = useFormAction(
		async (domain: string) => {
			try {
				onSettings(await save(settings.allowedOrigins.filter((o) => o !== domain)));
				return `${domain} removed from Allowed domains.`;
			} finally {
				setRemoving(null);
			}
		},
		{ errorPrefix: "Removing failed: ", announce },
	);

	return (
		<SettingsSection
			status={status}
			title="Allowed domains"
			level={3}
			description="The widget's public keys work on pages of these domains. Live keys work nowhere else; test keys also work from localhost."
		>
			{settings.allowedOrigins.length === 0 ? (
				<p className="m-0 text-sm text-muted-foreground">No domain yet: live keys work nowhere.</p>
			) : (
				<ul
					className="m-0 list-none divide-y divide-border rounded-lg border border-border p-0"
					aria-label="Allowed domains"
				>
					{settings.allowedOrigins.map((allowed) => (
						<li
							key={allowed}
							className="flex flex-wrap items-center gap-3 px-4 py-3 data-[revoked]:opacity-60"
						>
							<span className="font-mono text-[13px] break-all min-w-0 flex-1 basis-60 space-y-1">
								{allowed}
							</span>
							{readOnly ? null : (
								<Button
									type="button"
									variant="outline"
									aria-label={`Remove domain ${allowed}`}
									onClick={() => {
										remove.reset();
										setRemoving(allowed);
									}}
								>
									Remove
								</Button>
							)}
						</li>
					))}
				</ul>
			)}
			<FieldError message={remove.error} />
			{readOnly ? null : (
				<form
					className="mt-1 flex flex-col gap-4 border-t border-border pt-5"
					onSubmit={submits(add.run)}
					aria-label="Add an allowed domain"
					noValidate
				>
					<div className="flex flex-col gap-1.5">
						<label htmlFor={inputId} className="text-sm font-medium">
							Domain
						</label>
						<Input
							id={inputId}
							value={origin}
							placeholder="https://app.example.com"
							inputMode="url"
							autoComplete="off"
							spellCheck={false}
							onChange={(event) => setOrigin(event.target.value)}
							aria-invalid={add.error ? true : undefined}
							aria-describedby={add.error ? `${hintId} ${errorId}` : hintId}
						/>
						<p id={hintId} className="m-0 text-sm text-muted-foreground">
							With its protocol, no path: <code>https://app.example.com</code>,{" "}
							<code>http://localhost:3000</code>, or <code>https://*.example.com</code> for every
							subdomain.
						</p>
					</div>
					<div className="flex flex-wrap gap-2">
						<Button type="submit" disabled={add.pending}>
							Add domain
						</Button>
					</div>
					<FieldError id={errorId} message={add.error} />
				</form>
			)}
			{removing !== null ? (
				<ConfirmDialog
					title={`Remove ${removing}?`}
					confirmLabel="Remove domain"
					busy={remove.pending}
					onConfirm={() => void remove.run(removing)}
					onCancel={() => setRemoving(null)}
				>
					<p>Live keys stop working on pages of this domain: the widget there is refused.</p>
				</ConfirmDialog>
			) : null}
		</SettingsSection>
	);
}

/**
 * The shared schema speaks of origins (the API's concept); the admin reads "domain". Only the
 * format message names the concept; the others already read well.
 */
function domainWording(message: string): string {
	return message.replace(/^must be an origin like/, "must be a domain with its protocol, like");
}
