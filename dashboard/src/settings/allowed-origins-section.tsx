import {
	allowedOriginSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { type FormEvent, useId, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { checkInput, expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";

/** Props of {@link AllowedOriginsSection}. */
export interface AllowedOriginsSectionProps {
	request: TeamRequest;
	websiteId: string;
	settings: WebsiteSettings;
	/** Called with the settings the server answered after a change. */
	onSettings: (settings: WebsiteSettings) => void;
	/** Agents who are not admins see the list only. */
	readOnly: boolean;
}

/**
 * The origins whose pages may use the website's public keys: exact origins
 * (`https://app.example.com`) or wildcards of subdomains (`https://*.example.com`). Input is
 * checked with the server's own schema first, so a path, a missing protocol or a bare `*.com`
 * is explained before anything is sent.
 */
export function AllowedOriginsSection(props: AllowedOriginsSectionProps) {
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
			setFormError(`“${origin.trim() || "(empty)"}” ${input.message}.`);
			return;
		}
		if (settings.allowedOrigins.includes(input.value)) {
			setFormError(`${input.value} is already allowed.`);
			return;
		}
		setSaving(true);
		setFormError(null);
		try {
			onSettings(await save([...settings.allowedOrigins, input.value]));
			setOrigin("");
			setStatus(`${input.value} added.`);
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
			setStatus(`${removing} removed.`);
		} catch (error) {
			setRemoveError(errorMessage(error));
		} finally {
			setSaving(false);
			setRemoving(null);
		}
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Allowed origins</h2>
			<p className="dash-hint">
				Pages on these origins may use the website's public keys. Live keys work from nowhere else;
				test keys also work from localhost.
			</p>
			{settings.allowedOrigins.length === 0 ? (
				<p className="dash-hint">No origin yet: live keys work nowhere.</p>
			) : (
				<ul className="dash-list" aria-label="Allowed origins">
					{settings.allowedOrigins.map((allowed) => (
						<li key={allowed} className="dash-list-row">
							<span className="dash-mono dash-list-main">{allowed}</span>
							{readOnly ? null : (
								<button
									type="button"
									className="dash-button"
									aria-label={`Remove origin ${allowed}`}
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
				<form className="dash-form" onSubmit={add} aria-label="Add an allowed origin" noValidate>
					<div className="dash-field">
						<label htmlFor={inputId} className="dash-label">
							Origin
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
							Protocol required, no path: <code>https://app.example.com</code>,{" "}
							<code>http://localhost:3000</code>, or <code>https://*.example.com</code> for every
							subdomain.
						</p>
					</div>
					<div className="dash-form-actions">
						<button type="submit" className="dash-button dash-button-primary" disabled={saving}>
							Add origin
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
					confirmLabel="Remove origin"
					busy={saving}
					onConfirm={() => void remove()}
					onCancel={() => setRemoving(null)}
				>
					<p>The widget stops working on pages of this origin with live keys.</p>
				</ConfirmDialog>
			) : null}
		</section>
	);
}
