import { CossistantApiError } from "@cossistant/core";
import type { AgentSession } from "@cossistant/core/agent";
import { type FormEvent, useEffect, useId, useState } from "react";
import { navigate } from "../router.ts";
import { AUTH_CARD, AuthPage } from "./auth-layout.tsx";

/** Email + password login; sends a fresh install (no agent yet) to the first-admin setup. */
export function LoginPage({ session }: { session: AgentSession }) {
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const emailId = useId();
	const passwordId = useId();
	useEffect(() => {
		session
			.needsSetup()
			.then((needed) => needed && navigate({ page: "setup" }, { replace: true }))
			.catch(() => {});
	}, [session]);
	const submit = async (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		setBusy(true);
		setError(null);
		try {
			await session.login(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
		} catch (caught) {
			setError(loginError(caught));
		} finally {
			setBusy(false);
		}
	};
	return (
		<AuthPage>
			<form className={AUTH_CARD} onSubmit={submit} aria-labelledby={`${emailId}-title`}>
				<h1 id={`${emailId}-title`}>Sign in to Cossistant</h1>
				<label htmlFor={emailId}>Email</label>
				<input id={emailId} name="email" type="email" autoComplete="username" required />
				<label htmlFor={passwordId}>Password</label>
				<input
					id={passwordId}
					name="password"
					type="password"
					autoComplete="current-password"
					required
				/>
				{error && (
					<p className="form-error" role="alert">
						{error}
					</p>
				)}
				<button type="submit" className="primary" disabled={busy}>
					{busy ? "Signing in…" : "Sign in"}
				</button>
			</form>
		</AuthPage>
	);
}

function loginError(error: unknown): string {
	if (error instanceof CossistantApiError) {
		if (error.code === "invalid_credentials") return "Wrong email or password.";
		if (error.code === "rate_limited")
			return "Too many attempts. Wait a few minutes and try again.";
		if (error.code === "network_error")
			return "The server cannot be reached. Check your connection.";
		return error.message;
	}
	return "Something went wrong. Try again.";
}
