import {
	allowedOriginSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { type FormEvent, useId, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { checkInput, expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";

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
	const headingId = useId();
	const inputId = useId();
	const hintId = useId();
	const errorId = useId();
	const [origin, setOrigin] = useState("");
	const [saving, setSaving] = useState(false);
	const [formError, setFormError] = useState<string | null>(null);
	const [status, setStatus] = useState("");
	const [removing, setRemoving] = useState<string | null>(null);
	const [removeError, setRemoveError] = useState<string | null>(null);

	const save = async (allowedOrigins: string[]) =>
		expectAnswer(
			websiteSettingsSchema,
			await request(`/websites/${encodeURIComponent(websiteId)}/settings`, {
				method: "PATCH",
				body: { allowedOrigins },
			}),
			"the settings",
		);

	const add = async (event: FormEvent) => {
		event.preventDefault();
		const input = checkInput(allowedOriginSchema, origin);
		if (!input.ok) {
			setFormError(`“${origin.trim() || "(empty)"}” ${domainWording(input.message)}.`);
			return;
		}
		if (settings.allowedOrigins.includes(input.value)) {
			setFormError(`${input.value} is already in Allowed domains.`);
			return;
		}
		setSaving(true);
		setFormError(null);
		try {
			onSettings(await save([...settings.allowedOrigins, input.value]));
			setOrigin("");
			setStatus(`${input.value} added to Allowed domains.`);
		} catch (error) {
			setFormError(errorMessage(error));
		} finally {
			setSaving(false);
		}
	};

	const remove = async () => {
		if (removing === null) return;
		setSaving(true);
		setRemoveError(null);
		try {
			onSettings(await save(settings.allowedOrigins.filter((o) => o !== removing)));
			setStatus(`${removing} removed from Allowed domains.`);
		} catch (error) {
			setRemoveError(errorMessage(error));
		} finally {
			setSaving(false);
			setRemoving(null);
		}
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h3 id={headingId}>Allowed domains</h3>
			<p className="dash-hint">
				The widget's public keys work on pages of these domains. Live keys work nowhere else; test
				keys also work from localhost.
			</p>
			{settings.allowedOrigins.length === 0 ? (
				<p className="dash-hint">No domain yet: live keys work nowhere.</p>
			) : (
				<ul className="dash-list" aria-label="Allowed domains">
					{settings.allowedOrigins.map((allowed) => (
						<li key={allowed} className="dash-list-row">
							<span className="dash-mono dash-list-main">{allowed}</span>
							{readOnly ? null : (
								<button
									type="button"
									className="dash-button"
									aria-label={`Remove domain ${allowed}`}
									onClick={() => {
										setRemoveError(null);
										setRemoving(allowed);
									}}
								>
									Remove
								</button>
							)}
						</li>
					))}
				</ul>
			)}
			{removeError ? (
				<p role="alert" className="dash-error">
					Removing failed: {removeError}
				</p>
			) : null}
			{readOnly ? null : (
				<form className="dash-form" onSubmit={add} aria-label="Add an allowed domain" noValidate>
					<div className="dash-field">
						<label htmlFor={inputId} className="dash-label">
							Domain
						</label>
						<input
							id={inputId}
							className="dash-input"
							value={origin}
							placeholder="https://app.example.com"
							inputMode="url"
							autoComplete="off"
							spellCheck={false}
							onChange={(event) => setOrigin(event.target.value)}
							aria-invalid={formError ? true : undefined}
							aria-describedby={formError ? `${hintId} ${errorId}` : hintId}
						/>
						<p id={hintId} className="dash-hint">
							With its protocol, no path: <code>https://app.example.com</code>,{" "}
							<code>http://localhost:3000</code>, or <code>https://*.example.com</code> for every
							subdomain.
						</p>
					</div>
					<div className="dash-form-actions">
						<button type="submit" className="dash-button dash-button-primary" disabled={saving}>
							Add domain
						</button>
					</div>
					{formError ? (
						<p id={errorId} role="alert" className="dash-error">
							{formError}
						</p>
					) : null}
				</form>
			)}
			<p role="status" className="dash-status">
				{status}
			</p>
			{removing !== null ? (
				<ConfirmDialog
					title={`Remove ${removing}?`}
					confirmLabel="Remove domain"
					busy={saving}
					onConfirm={() => void remove()}
					onCancel={() => setRemoving(null)}
				>
					<p>Live keys stop working on pages of this domain: the widget there is refused.</p>
				</ConfirmDialog>
			) : null}
		</section>
	);
}

/**
 * The shared schema speaks of origins (the API's concept); the admin reads "domain". Only the
 * format message names the concept; the others already read well.
 */
function domainWording(message: string): string {
	return message.replace(/^must be an origin like/, "must be a domain with its protocol, like");
}
