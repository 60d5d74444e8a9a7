import {
	type ApiKeyRecord,
	apiKeyListResponseSchema,
	apiKeyResponseSchema,
	createApiKeyRequestSchema,
	createApiKeyResponseSchema,
} from "@cossistant/types";
import { type FormEvent, useCallback, useId, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { checkInput, expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";
import { useLoaded } from "./use-loaded.ts";

/** Props of {@link ApiKeysSection}. */
export interface ApiKeysSectionProps {
	request: TeamRequest;
	websiteId: string;
}

const KIND_LABEL = { public: "Public", private: "Private" } as const;
const ENVIRONMENT_LABEL = { test: "Test", live: "Live" } as const;

/**
 * The website's API keys (admins, under Settings → Developers): the list, revoked ones marked; a form creating a
 * public / private, test / live key, whose private value is shown once with a copy button; and
 * revoking a key after a confirmation.
 */
export function ApiKeysSection({ request, websiteId }: ApiKeysSectionProps) {
	const headingId = useId();
	const nameId = useId();
	const kindId = useId();
	const environmentId = useId();
	const formErrorId = useId();
	const base = `/websites/${encodeURIComponent(websiteId)}/api-keys`;

	const keys = useLoaded(
		useCallback(
			async () =>
				expectAnswer(apiKeyListResponseSchema, await request(base), "the API keys").apiKeys,
			[request, base],
		),
	);

	const [name, setName] = useState("");
	const [kind, setKind] = useState<"public" | "private">("public");
	const [environment, setEnvironment] = useState<"test" | "live">("test");
	const [creating, setCreating] = useState(false);
	const [formError, setFormError] = useState<string | null>(null);
	const [created, setCreated] = useState<{ key: ApiKeyRecord; value: string } | null>(null);
	const [status, setStatus] = useState("");

	const [confirming, setConfirming] = useState<ApiKeyRecord | null>(null);
	const [revoking, setRevoking] = useState(false);
	const [revokeError, setRevokeError] = useState<string | null>(null);

	const create = async (event: FormEvent) => {
		event.preventDefault();
		const input = checkInput(
			createApiKeyRequestSchema,
			{ name, kind, environment },
			{ name: "Name", kind: "Type", environment: "Environment" },
		);
		if (!input.ok) {
			setFormError(input.message);
			return;
		}
		setCreating(true);
		setFormError(null);
		try {
			const answer = expectAnswer(
				createApiKeyResponseSchema,
				await request(base, { method: "POST", body: input.value }),
				"the new key",
			);
			keys.setData((current) => [...(current ?? []), answer.apiKey]);
			// Only a private key's value is secret and shown once; a public key stays listed.
			if (answer.apiKey.kind === "private") setCreated({ key: answer.apiKey, value: answer.key });
			setName("");
			setStatus(`${KIND_LABEL[answer.apiKey.kind]} key “${answer.apiKey.name}” created.`);
		} catch (error) {
			setFormError(errorMessage(error));
		} finally {
			setCreating(false);
		}
	};

	const revoke = async () => {
		if (!confirming) return;
		setRevoking(true);
		setRevokeError(null);
		try {
			const answer = expectAnswer(
				apiKeyResponseSchema,
				await request(`${base}/${encodeURIComponent(confirming.id)}`, { method: "DELETE" }),
				"the revoked key",
			);
			keys.setData((current) =>
				current?.map((key) => (key.id === answer.apiKey.id ? answer.apiKey : key)),
			);
			if (created?.key.id === answer.apiKey.id) setCreated(null);
			setStatus(`Key “${answer.apiKey.name}” revoked: it is refused from now on.`);
			setConfirming(null);
		} catch (error) {
			setRevokeError(errorMessage(error));
			setConfirming(null);
		} finally {
			setRevoking(false);
		}
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h3 id={headingId}>API keys</h3>
			<p className="dash-hint">
				Public keys (<code>pk_…</code>) go in your site's widget and only work on its Allowed
				domains (test keys from localhost too). Private keys (<code>sk_…</code>) are for your
				servers only.
			</p>

			{keys.error && !keys.data ? (
				<div role="alert" className="dash-error">
					Could not load the keys: {errorMessage(keys.error)}{" "}
					<button type="button" className="dash-link-button" onClick={() => void keys.reload()}>
						Retry
					</button>
				</div>
			) : null}
			{keys.loading && !keys.data ? <p className="dash-hint">Loading keys…</p> : null}
			{keys.data ? (
				keys.data.length === 0 ? (
					<p className="dash-hint">No keys yet.</p>
				) : (
					<ul className="dash-list" aria-label="API keys">
						{keys.data.map((key) => (
							<li
								key={key.id}
								className="dash-list-row"
								data-revoked={key.revokedAt ? "" : undefined}
							>
								<div className="dash-list-main">
									<span className="dash-strong">{key.name}</span>{" "}
									<span className="dash-badge">
										{KIND_LABEL[key.kind]} · {ENVIRONMENT_LABEL[key.environment]}
									</span>{" "}
									{key.revokedAt ? (
										<span className="dash-badge dash-badge-danger">Revoked</span>
									) : null}
									<div className="dash-mono">{key.publicValue ?? `${key.prefix}…`}</div>
									{key.environment === "test" && !key.revokedAt ? (
										<div className="dash-hint" data-testid="test-key-warning">
											For development only: do not use a test key in production. It also works from
											any page on localhost; create a live key for your site and revoke this one
											before going live.
										</div>
									) : null}
									<div className="dash-hint">
										Created {formatDate(key.createdAt)} ·{" "}
										{key.lastUsedAt ? `last used ${formatDate(key.lastUsedAt)}` : "never used"}
										{key.revokedAt ? ` · revoked ${formatDate(key.revokedAt)}` : ""}
									</div>
								</div>
								{key.revokedAt ? null : (
									<button
										type="button"
										className="dash-button dash-button-danger"
										aria-label={`Revoke key ${key.name}`}
										onClick={() => {
											setRevokeError(null);
											setConfirming(key);
										}}
									>
										Revoke
									</button>
								)}
							</li>
						))}
					</ul>
				)
			) : null}
			{revokeError ? (
				<p role="alert" className="dash-error">
					Revoking failed: {revokeError}
				</p>
			) : null}

			{created ? (
				<OneTimeSecret
					label={`Private key “${created.key.name}”`}
					value={created.value}
					warning="Copy it now and store it in your server's secrets: it will never be shown again. If it is lost, create a new key and revoke this one."
					onDismiss={() => setCreated(null)}
				/>
			) : null}

			<form className="dash-form" onSubmit={create} aria-label="Create an API key" noValidate>
				<h4 className="dash-form-title">Create a key</h4>
				<div className="dash-field">
					<label htmlFor={nameId} className="dash-label">
						Name
					</label>
					<input
						id={nameId}
						className="dash-input"
						value={name}
						maxLength={100}
						placeholder="Production website"
						onChange={(event) => setName(event.target.value)}
						aria-invalid={formError ? true : undefined}
						aria-describedby={formError ? formErrorId : undefined}
					/>
				</div>
				<div className="dash-field">
					<label htmlFor={kindId} className="dash-label">
						Type
					</label>
					<select
						id={kindId}
						className="dash-input"
						value={kind}
						onChange={(event) => setKind(event.target.value === "private" ? "private" : "public")}
					>
						<option value="public">Public (pk_, for the widget)</option>
						<option value="private">Private (sk_, for servers)</option>
					</select>
				</div>
				<div className="dash-field">
					<label htmlFor={environmentId} className="dash-label">
						Environment
					</label>
					<select
						id={environmentId}
						className="dash-input"
						value={environment}
						onChange={(event) => setEnvironment(event.target.value === "live" ? "live" : "test")}
					>
						<option value="test">Test (also from localhost; not for production)</option>
						<option value="live">Live (Allowed domains only)</option>
					</select>
				</div>
				<div className="dash-form-actions">
					<button type="submit" className="dash-button dash-button-primary" disabled={creating}>
						{creating ? "Creating…" : "Create key"}
					</button>
				</div>
				{formError ? (
					<p id={formErrorId} role="alert" className="dash-error">
						{formError}
					</p>
				) : null}
			</form>
			<p role="status" className="dash-status">
				{status}
			</p>

			{confirming ? (
				<ConfirmDialog
					title={`Revoke the key “${confirming.name}”?`}
					confirmLabel="Revoke key"
					busy={revoking}
					onConfirm={() => void revoke()}
					onCancel={() => setConfirming(null)}
				>
					<p>
						Every request and open connection using{" "}
						<code>{confirming.publicValue ?? `${confirming.prefix}…`}</code> is refused from now on.
						This cannot be undone.
					</p>
				</ConfirmDialog>
			) : null}
		</section>
	);
}

/** A short local date and time for lists. */
export function formatDate(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
