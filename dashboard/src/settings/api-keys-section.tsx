import {
	type ApiKeyRecord,
	apiKeyListResponseSchema,
	apiKeyResponseSchema,
	createApiKeyRequestSchema,
	createApiKeyResponseSchema,
} from "@cossistant/types";
import { useCallback, useId, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { checkInput, expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { submits, useFormAction } from "../forms/use-form-action.ts";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { DateTime } from "../ui/date-time.tsx";
import { Input, NativeSelect } from "../ui/input.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { SettingsSection } from "./settings-section.tsx";
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
	const [created, setCreated] = useState<{ key: ApiKeyRecord; value: string } | null>(null);
	const [confirming, setConfirming] = useState<ApiKeyRecord | null>(null);

	const { status, announce } = useAnnouncer();
	const create = useFormAction(
		async () => {
			const input = checkInput(
				createApiKeyRequestSchema,
				{ name, kind, environment },
				{ name: "Name", kind: "Type", environment: "Environment" },
			);
			if (!input.ok) throw new Error(input.message);
			const answer = expectAnswer(
				createApiKeyResponseSchema,
				await request(base, { method: "POST", body: input.value }),
				"the new key",
			);
			keys.setData((current) => [...(current ?? []), answer.apiKey]);
			// Only a private key's value is secret and shown once; a public key stays listed.
			if (answer.apiKey.kind === "private") setCreated({ key: answer.apiKey, value: answer.key });
			setName("");
			return `${KIND_LABEL[answer.apiKey.kind]} key “${answer.apiKey.name}” created.`;
		},
		{ announce },
	);

	const revoke = useFormAction(
		async (key: ApiKeyRecord) => {
			try {
				const answer = expectAnswer(
					apiKeyResponseSchema,
					await request(`${base}/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
					"the revoked key",
				);
				keys.setData((current) =>
					current?.map((listed) => (listed.id === answer.apiKey.id ? answer.apiKey : listed)),
				);
				if (created?.key.id === answer.apiKey.id) setCreated(null);
				return `Key “${answer.apiKey.name}” revoked: it is refused from now on.`;
			} finally {
				setConfirming(null);
			}
		},
		{ errorPrefix: "Revoking failed: ", announce },
	);

	return (
		<SettingsSection
			status={status}
			title="API keys"
			level={3}
			description={
				<>
					Public keys (<code>pk_…</code>) go in your site's widget and only work on its Allowed
					domains (test keys from localhost too). Private keys (<code>sk_…</code>) are for your
					servers only.
				</>
			}
		>
			{keys.error && !keys.data ? (
				<div role="alert" className="m-0 text-sm text-danger">
					Could not load the keys: {errorMessage(keys.error)}{" "}
					<button
						type="button"
						className="font-medium text-link underline underline-offset-2"
						onClick={() => void keys.reload()}
					>
						Retry
					</button>
				</div>
			) : null}
			{keys.loading && !keys.data ? (
				<p className="m-0 text-sm text-muted-foreground">Loading keys…</p>
			) : null}
			{keys.data ? (
				keys.data.length === 0 ? (
					<p className="m-0 text-sm text-muted-foreground">No keys yet.</p>
				) : (
					<ul
						className="m-0 list-none divide-y divide-border rounded-lg border border-border p-0"
						aria-label="API keys"
					>
						{keys.data.map((key) => (
							<li
								key={key.id}
								className="flex flex-wrap items-center gap-3 px-4 py-3 data-[revoked]:opacity-60"
								data-revoked={key.revokedAt ? "" : undefined}
							>
								<div className="min-w-0 flex-1 basis-60 space-y-1">
									<span className="font-medium">{key.name}</span>{" "}
									<span className="inline-flex items-center rounded-md bg-secondary px-1.5 py-px text-xs font-medium text-secondary-foreground">
										{KIND_LABEL[key.kind]} · {ENVIRONMENT_LABEL[key.environment]}
									</span>{" "}
									{key.revokedAt ? (
										<span className="inline-flex items-center rounded-md bg-danger/12 px-1.5 py-px text-xs font-medium text-danger">
											Revoked
										</span>
									) : null}
									<code className="block max-w-full overflow-x-auto whitespace-nowrap bg-muted px-2 py-1 text-xs">
										{key.publicValue ?? `${key.prefix}…`}
									</code>
									{key.environment === "test" && !key.revokedAt ? (
										<div
											className="m-0 text-sm text-muted-foreground"
											data-testid="test-key-warning"
										>
											For development only: do not use a test key in production. It also works from
											any page on localhost; create a live key for your site and revoke this one
											before going live.
										</div>
									) : null}
									<div className="m-0 text-sm text-muted-foreground">
										Created <DateTime value={key.createdAt} /> ·{" "}
										{key.lastUsedAt ? (
											<>
												last used <DateTime value={key.lastUsedAt} />
											</>
										) : (
											"never used"
										)}
										{key.revokedAt ? (
											<>
												{" "}
												· revoked <DateTime value={key.revokedAt} />
											</>
										) : null}
									</div>
								</div>
								{key.revokedAt ? null : (
									<Button
										type="button"
										variant="outline"
										className="border-danger/40 text-danger hover:bg-danger/10 hover:text-danger"
										aria-label={`Revoke key ${key.name}`}
										onClick={() => {
											revoke.reset();
											setConfirming(key);
										}}
									>
										Revoke
									</Button>
								)}
							</li>
						))}
					</ul>
				)
			) : null}
			<FieldError message={revoke.error} />

			{created ? (
				<OneTimeSecret
					label={`Private key “${created.key.name}”`}
					value={created.value}
					warning="Copy it now and store it in your server's secrets: it will never be shown again. If it is lost, create a new key and revoke this one."
					onDismiss={() => setCreated(null)}
				/>
			) : null}

			<form
				className="mt-1 flex flex-col gap-4 border-t border-border pt-5"
				onSubmit={submits(create.run)}
				aria-label="Create an API key"
				noValidate
			>
				<h4 className="m-0 text-sm font-semibold">Create a key</h4>
				<div className="flex flex-col gap-1.5">
					<label htmlFor={nameId} className="text-sm font-medium">
						Name
					</label>
					<Input
						id={nameId}
						value={name}
						maxLength={100}
						placeholder="Production website"
						onChange={(event) => setName(event.target.value)}
						aria-invalid={create.error ? true : undefined}
						aria-describedby={create.error ? formErrorId : undefined}
					/>
				</div>
				<div className="flex flex-col gap-1.5">
					<label htmlFor={kindId} className="text-sm font-medium">
						Type
					</label>
					<NativeSelect
						id={kindId}
						value={kind}
						onChange={(event) => setKind(event.target.value === "private" ? "private" : "public")}
					>
						<option value="public">Public (pk_, for the widget)</option>
						<option value="private">Private (sk_, for servers)</option>
					</NativeSelect>
				</div>
				<div className="flex flex-col gap-1.5">
					<label htmlFor={environmentId} className="text-sm font-medium">
						Environment
					</label>
					<NativeSelect
						id={environmentId}
						value={environment}
						onChange={(event) => setEnvironment(event.target.value === "live" ? "live" : "test")}
					>
						<option value="test">Test (also from localhost; not for production)</option>
						<option value="live">Live (Allowed domains only)</option>
					</NativeSelect>
				</div>
				<div className="flex flex-wrap gap-2">
					<Button type="submit" disabled={create.pending}>
						{create.pending ? "Creating…" : "Create key"}
					</Button>
				</div>
				<FieldError id={formErrorId} message={create.error} />
			</form>

			{confirming ? (
				<ConfirmDialog
					title={`Revoke the key “${confirming.name}”?`}
					confirmLabel="Revoke key"
					busy={revoke.pending}
					onConfirm={() => void revoke.run(confirming)}
					onCancel={() => setConfirming(null)}
				>
					<p>
						Every request and open connection using{" "}
						<code>{confirming.publicValue ?? `${confirming.prefix}…`}</code> is refused from now on.
						This cannot be undone.
					</p>
				</ConfirmDialog>
			) : null}
		</SettingsSection>
	);
}
