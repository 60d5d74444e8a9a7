import {
	rotateIdentitySecretResponseSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { useId, useState } from "react";
import { docsBaseUrl } from "../config.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";

/** Props of {@link IdentitySecretSection}. */
export interface IdentitySecretSectionProps {
	request: TeamRequest;
	websiteId: string;
	settings: WebsiteSettings;
	onSettings: (settings: WebsiteSettings) => void;
}

/**
 * The HMAC secret your servers sign `identify()` calls with. Every website has one from its
 * creation; it is never readable, only rotated: the new value is shown once and the old one
 * stops verifying at once. Also whether unsigned identifies are refused.
 */
export function IdentitySecretSection(props: IdentitySecretSectionProps) {
	const { request, websiteId, settings, onSettings } = props;
	const headingId = useId();
	const requiredId = useId();
	const base = `/websites/${encodeURIComponent(websiteId)}/settings`;
	const [confirming, setConfirming] = useState(false);
	const [busy, setBusy] = useState(false);
	const [rotateError, setRotateError] = useState<string | null>(null);
	const [secret, setSecret] = useState<string | null>(null);
	const [rotatedAt, setRotatedAt] = useState<Date | null>(null);
	const [toggleError, setToggleError] = useState<string | null>(null);
	const [status, setStatus] = useState("");

	const rotate = async () => {
		setBusy(true);
		setRotateError(null);
		try {
			const answer = expectAnswer(
				rotateIdentitySecretResponseSchema,
				await request(`${base}/identity-secret`, { method: "POST" }),
				"the new secret",
			);
			setSecret(answer.identitySecret);
			setRotatedAt(new Date());
			setStatus("A new identity secret was created. The previous one no longer verifies.");
		} catch (error) {
			setRotateError(errorMessage(error));
		} finally {
			setBusy(false);
			setConfirming(false);
		}
	};

	const setRequired = async (required: boolean) => {
		setBusy(true);
		setToggleError(null);
		try {
			const answer = expectAnswer(
				websiteSettingsSchema,
				await request(base, { method: "PATCH", body: { identityVerificationRequired: required } }),
				"the settings",
			);
			onSettings(answer);
			setStatus(
				answer.identityVerificationRequired
					? "Every identify() now needs a valid signature, with test keys too."
					: "Signatures are now needed only to join an existing contact.",
			);
		} catch (error) {
			setToggleError(errorMessage(error));
		} finally {
			setBusy(false);
		}
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Identity verification</h2>
			<p className="dash-hint">
				Your server signs a contact's external id with this secret (HMAC-SHA256) so nobody can
				pretend to be one of your users in the widget. Keep it on your servers only. A second device
				(or anyone) joining an existing contact needs that signature, with test keys too.{" "}
				<LearnHow />
			</p>
			<p>
				<span className="dash-strong">Secret: </span>
				{rotatedAt
					? `set, rotated ${rotatedAt.toLocaleTimeString()}`
					: "set (it cannot be shown again; rotate it to get a new one)"}
			</p>
			{secret ? (
				<OneTimeSecret
					label="New identity secret"
					value={secret}
					warning="Copy it into your server's configuration now: it will never be shown again, and identify() calls signed with the previous secret are refused from now on."
					onDismiss={() => setSecret(null)}
				/>
			) : null}
			<div className="dash-form-actions">
				<button
					type="button"
					className="dash-button"
					disabled={busy}
					onClick={() => {
						setRotateError(null);
						setConfirming(true);
					}}
				>
					Rotate secret
				</button>
			</div>
			{rotateError ? (
				<p role="alert" className="dash-error">
					Rotating failed: {rotateError}
				</p>
			) : null}
			<div className="dash-field dash-field-inline">
				<input
					id={requiredId}
					type="checkbox"
					checked={settings.identityVerificationRequired}
					disabled={busy}
					onChange={(event) => void setRequired(event.target.checked)}
				/>
				<label htmlFor={requiredId}>
					Require a valid signature on every identify(), with test keys too
				</label>
			</div>
			{toggleError ? (
				<p role="alert" className="dash-error">
					Saving failed: {toggleError}
				</p>
			) : null}
			<p role="status" className="dash-status">
				{status}
			</p>
			{confirming ? (
				<ConfirmDialog
					title="Rotate the identity secret?"
					confirmLabel="Rotate secret"
					busy={busy}
					onConfirm={() => void rotate()}
					onCancel={() => setConfirming(false)}
				>
					<p>
						The current secret stops verifying at once: until your servers sign with the new one,
						identified visitors cannot be verified.
					</p>
				</ConfirmDialog>
			) : null}
		</section>
	);
}

/** Where the docs explain signing: a link when the docs' URL is configured, else the path. */
function LearnHow() {
	const base = docsBaseUrl();
	if (!base) {
		return (
			<span>
				Learn how to sign (Next.js and React) in the repository's docs/security.md, "Identity
				verification".
			</span>
		);
	}
	return (
		<a href={`${base}/security.md#identity-verification`} target="_blank" rel="noopener noreferrer">
			Learn how to sign identify() in Next.js and React
		</a>
	);
}
