import {
	rotateIdentitySecretResponseSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { useId, useState } from "react";
import { expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { docsBaseUrl } from "../config.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { useFormAction } from "../forms/use-form-action.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { SettingsSection } from "./settings-section.tsx";

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
	const requiredId = useId();
	const base = `/websites/${encodeURIComponent(websiteId)}/settings`;
	const [confirming, setConfirming] = useState(false);
	const [secret, setSecret] = useState<string | null>(null);
	const [rotatedAt, setRotatedAt] = useState<Date | null>(null);

	const { status, announce } = useAnnouncer();
	const rotate = useFormAction(
		async () => {
			try {
				const answer = expectAnswer(
					rotateIdentitySecretResponseSchema,
					await request(`${base}/identity-secret`, { method: "POST" }),
					"the new secret",
				);
				setSecret(answer.identitySecret);
				setRotatedAt(new Date());
				return "A new identity secret was created. The previous one no longer verifies.";
			} finally {
				setConfirming(false);
			}
		},
		{ errorPrefix: "Rotating failed: ", announce },
	);

	const setRequired = useFormAction(
		async (required: boolean) => {
			const answer = expectAnswer(
				websiteSettingsSchema,
				await request(base, { method: "PATCH", body: { identityVerificationRequired: required } }),
				"the settings",
			);
			onSettings(answer);
			return answer.identityVerificationRequired
				? "Every identify() now needs a valid signature, with test keys too."
				: "Signatures are now needed only to join an existing contact.";
		},
		{ errorPrefix: "Saving failed: ", announce },
	);
	const busy = rotate.pending || setRequired.pending;

	return (
		<SettingsSection
			status={status}
			title="Identity verification"
			description={
				<>
					Your server signs a contact's external id with this secret (HMAC-SHA256) so nobody can
					pretend to be one of your users in the widget. Keep it on your servers only. A second
					device (or anyone) joining an existing contact needs that signature, with test keys too.{" "}
					<LearnHow />
				</>
			}
		>
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
						rotate.reset();
						setConfirming(true);
					}}
				>
					Rotate secret
				</button>
			</div>
			<FieldError message={rotate.error} />
			<div className="dash-field dash-field-inline">
				<input
					id={requiredId}
					type="checkbox"
					checked={settings.identityVerificationRequired}
					disabled={busy}
					onChange={(event) => void setRequired.run(event.target.checked)}
				/>
				<label htmlFor={requiredId}>
					Require a valid signature on every identify(), with test keys too
				</label>
			</div>
			<FieldError message={setRequired.error} />
			{confirming ? (
				<ConfirmDialog
					title="Rotate the identity secret?"
					confirmLabel="Rotate secret"
					busy={busy}
					onConfirm={() => void rotate.run()}
					onCancel={() => setConfirming(false)}
				>
					<p>
						The current secret stops verifying at once: until your servers sign with the new one,
						identified visitors cannot be verified.
					</p>
				</ConfirmDialog>
			) : null}
		</SettingsSection>
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
