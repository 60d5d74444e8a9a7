import {
	rotateIdentitySecretResponseSchema,
	type WebsiteSettings,
	websiteSettingsSchema,
} from "@cossistant/types";
import { RefreshCw, ShieldCheck } from "lucide-react";
import { useId, useState } from "react";
import { expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { docsBaseUrl } from "../config.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { useFormAction } from "../forms/use-form-action.ts";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { Label } from "../ui/input.tsx";
import { Switch } from "../ui/switch.tsx";
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
			<div className="flex flex-wrap items-center gap-3 rounded-lg border border-border px-4 py-3">
				<ShieldCheck className="size-5 text-success" aria-hidden="true" />
				<p className="m-0 min-w-0 flex-1 text-sm">
					<span className="font-medium">Secret: </span>
					{rotatedAt
						? `set, rotated ${rotatedAt.toLocaleTimeString()}`
						: "set (it cannot be shown again; rotate it to get a new one)"}
				</p>
				<Button
					variant="outline"
					size="sm"
					disabled={busy}
					onClick={() => {
						rotate.reset();
						setConfirming(true);
					}}
				>
					<RefreshCw aria-hidden="true" />
					Rotate secret
				</Button>
			</div>
			{secret ? (
				<OneTimeSecret
					label="New identity secret"
					value={secret}
					warning="Copy it into your server's configuration now: it will never be shown again, and identify() calls signed with the previous secret are refused from now on."
					onDismiss={() => setSecret(null)}
				/>
			) : null}
			<FieldError message={rotate.error} />
			<div className="flex items-start justify-between gap-4 rounded-lg border border-border px-4 py-3">
				<div className="flex flex-col gap-1">
					<Label htmlFor={requiredId}>Require a signature on every identify()</Label>
					<p id={`${requiredId}-hint`} className="m-0 text-sm text-muted-foreground">
						With test keys too. Off: a signature is needed only to join an existing contact.
					</p>
				</div>
				<Switch
					id={requiredId}
					checked={settings.identityVerificationRequired}
					disabled={busy}
					aria-describedby={`${requiredId}-hint`}
					onCheckedChange={(checked) => void setRequired.run(checked)}
					className="mt-0.5 max-md:-my-2"
				/>
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
