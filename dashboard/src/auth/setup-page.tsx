import { CossistantApiError } from "@cossistant/core";
import type { AgentSession } from "@cossistant/core/agent";
import { type FormEvent, useId, useState } from "react";
import { navigate } from "../router.ts";
import { AUTH_CARD, AuthPage } from "./auth-layout.tsx";

/** First-admin setup of an empty install: the admin account and the first website. */
export function SetupPage({ session }: { session: AgentSession }) {
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const id = useId();
	const submit = async (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		setBusy(true);
		setError(null);
		try {
			await session.setup({
				name: String(form.get("name") ?? ""),
				email: String(form.get("email") ?? ""),
				password: String(form.get("password") ?? ""),
				websiteName: String(form.get("websiteName") ?? ""),
			});
		} catch (caught) {
			if (caught instanceof CossistantApiError && caught.status === 409) {
				navigate({ page: "login" }, { replace: true });
				return;
			}
			setError(
				caught instanceof CossistantApiError && caught.code === "validation_failed"
					? "Check the fields: the password needs at least 10 characters."
					: caught instanceof Error
						? caught.message
						: "Setup failed.",
			);
		} finally {
			setBusy(false);
		}
	};
	return (
		<AuthPage>
			<form className={AUTH_CARD} onSubmit={submit} aria-labelledby={`${id}-title`}>
				<h1 id={`${id}-title`}>Set up Cossistant</h1>
				<p className="muted">Create the first admin account and your website.</p>
				<label htmlFor={`${id}-name`}>Your name</label>
				<input id={`${id}-name`} name="name" autoComplete="name" required maxLength={100} />
				<label htmlFor={`${id}-email`}>Email</label>
				<input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
				<label htmlFor={`${id}-password`}>Password (10 characters or more)</label>
				<input
					id={`${id}-password`}
					name="password"
					type="password"
					autoComplete="new-password"
					minLength={10}
					required
				/>
				<label htmlFor={`${id}-website`}>Website name</label>
				<input id={`${id}-website`} name="websiteName" required maxLength={100} />
				{error && (
					<p className="form-error" role="alert">
						{error}
					</p>
				)}
				<button type="submit" className="primary" disabled={busy}>
					{busy ? "Creating…" : "Create admin and website"}
				</button>
			</form>
		</AuthPage>
	);
}
