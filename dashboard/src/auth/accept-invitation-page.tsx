import { CossistantApiError } from "@cossistant/core";
import type { AgentSession } from "@cossistant/core/agent";
import { acceptInviteRequestSchema } from "@cossistant/types";
import { type FormEvent, useId, useState } from "react";
import { useStore } from "zustand";
import { checkInput } from "../api/schema-check.ts";
import { WEBSITE_KEY } from "../config.ts";
import { readInvitationLink } from "../invitation-link.ts";
import { navigate } from "../router.ts";
import { clearDeviceData } from "../shell/device-data.ts";
import { AUTH_CARD, AuthPage } from "./auth-layout.tsx";

/** What an invitation page says when the server no longer knows the code. */
export const INVITATION_GONE = "This invitation is no longer valid. Ask your admin for a new one.";

type Mode = "create" | "sign-in";

/**
 * "Accept invitation", opened from the link an admin sends (`/dashboard/invite#token=…`).
 * Signed out, the person creates its account (name + password; the email is the invitation's)
 * or, having one already, signs in and then accepts. Signed in, one button joins the website.
 * Either way the inbox of the joined website opens.
 */
export function AcceptInvitationPage({ session }: { session: AgentSession }) {
	const current = useStore(session.state, (state) => state.session);
	const [link] = useState(() => readInvitationLink(window.location.hash));
	const [code, setCode] = useState("");
	const [mode, setMode] = useState<Mode>("create");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const [joined, setJoined] = useState(false);
	const id = useId();
	const token = link?.token ?? code.trim();
	const website = link?.websiteName ?? null;
	const target = website ?? "the website";
	const joinLabel = `Join ${target}`;

	/** Opens the joined website's inbox. */
	const open = (websiteId: string | undefined) => {
		setJoined(true);
		if (websiteId) localStorage.setItem(WEBSITE_KEY, websiteId);
		navigate({ page: "inbox" }, { replace: true });
	};

	const run = async (action: () => Promise<void>) => {
		if (!token) {
			setError("Enter the invitation code your admin sent you.");
			return;
		}
		setBusy(true);
		setError(null);
		try {
			await action();
		} catch (caught) {
			if (caught instanceof CossistantApiError && caught.code === "conflict") {
				setMode("sign-in");
				setError("An account with this email exists already: sign in to accept the invitation.");
			} else setError(invitationError(caught, session.current?.user.email));
		} finally {
			setBusy(false);
		}
	};

	const join = () =>
		run(async () => {
			const accepted = await session.acceptInvitation(token);
			open(accepted.websiteId);
		});

	const create = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const input = checkInput(
			acceptInviteRequestSchema,
			{
				token: token || "-",
				name: String(form.get("name") ?? ""),
				password: String(form.get("password") ?? ""),
			},
			{ name: "Name", password: "Password" },
		);
		if (!input.ok) {
			setError(input.message);
			return;
		}
		void run(async () => {
			const signedIn = await session.acceptInvite({ ...input.value, token });
			// A new account belongs to the inviting website only.
			open(signedIn.websiteIds[0]);
		});
	};

	const signIn = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		void run(async () => {
			await session.login(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
			const accepted = await session.acceptInvitation(token);
			open(accepted.websiteId);
		});
	};

	const signOut = () => {
		setError(null);
		void session.logout().then(() => clearDeviceData());
	};

	const switchMode = (next: Mode) => {
		setError(null);
		setMode(next);
	};

	const errorLine = error ? (
		<p className="form-error" role="alert">
			{error}
		</p>
	) : null;
	const codeField = link ? null : (
		<>
			<label htmlFor={`${id}-code`}>Invitation code</label>
			<input
				id={`${id}-code`}
				name="code"
				value={code}
				onChange={(event) => setCode(event.target.value)}
				autoComplete="off"
				spellCheck={false}
				required
			/>
		</>
	);
	const titleId = `${id}-title`;
	const invitedBy = website ? (
		<>
			<strong>{website}</strong> invited you to answer its visitors with Cossistant.
		</>
	) : (
		"You are invited to answer a website's visitors with Cossistant."
	);

	if (joined) {
		return (
			<AuthPage>
				<p role="status" className={AUTH_CARD}>
					Joined. Opening the inbox…
				</p>
			</AuthPage>
		);
	}

	if (current) {
		return (
			<AuthPage>
				<section className={AUTH_CARD} aria-labelledby={titleId}>
					<h1 id={titleId}>Accept invitation</h1>
					<p className="muted">{invitedBy}</p>
					<p>
						Signed in as <strong>{current.user.name}</strong> ({current.user.email}).
					</p>
					{codeField}
					{errorLine}
					<button type="button" className="primary" disabled={busy} onClick={() => void join()}>
						{busy ? "Joining…" : joinLabel}
					</button>
					<p className="auth-alt">
						Not you?
						<button type="button" className="link-button" onClick={signOut}>
							Sign out
						</button>
					</p>
				</section>
			</AuthPage>
		);
	}

	return (
		<AuthPage>
			{mode === "create" ? (
				<form className={AUTH_CARD} onSubmit={create} aria-labelledby={titleId} noValidate>
					<h1 id={titleId}>Accept invitation</h1>
					<p className="muted">
						{invitedBy} Choose your name and a password to create your account.
					</p>
					{codeField}
					<label htmlFor={`${id}-name`}>Your name</label>
					<input id={`${id}-name`} name="name" autoComplete="name" required maxLength={100} />
					<label htmlFor={`${id}-password`}>Password (10 characters or more)</label>
					<input
						id={`${id}-password`}
						name="password"
						type="password"
						autoComplete="new-password"
						minLength={10}
						required
					/>
					{errorLine}
					<button type="submit" className="primary" disabled={busy}>
						{busy ? "Joining…" : `Create account and join ${target}`}
					</button>
					<p className="auth-alt">
						Already have an account?
						<button type="button" className="link-button" onClick={() => switchMode("sign-in")}>
							Sign in instead
						</button>
					</p>
				</form>
			) : (
				<form className={AUTH_CARD} onSubmit={signIn} aria-labelledby={titleId}>
					<h1 id={titleId}>Accept invitation</h1>
					<p className="muted">{invitedBy} Sign in with the account the invitation was sent to.</p>
					{codeField}
					<label htmlFor={`${id}-email`}>Email</label>
					<input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
					<label htmlFor={`${id}-password`}>Password</label>
					<input
						id={`${id}-password`}
						name="password"
						type="password"
						autoComplete="current-password"
						required
					/>
					{errorLine}
					<button type="submit" className="primary" disabled={busy}>
						{busy ? "Joining…" : `Sign in and join ${target}`}
					</button>
					<p className="auth-alt">
						New to Cossistant?
						<button type="button" className="link-button" onClick={() => switchMode("create")}>
							Create an account instead
						</button>
					</p>
				</form>
			)}
		</AuthPage>
	);
}

/** A sentence for a failed accept (or sign-in on the way). */
function invitationError(error: unknown, signedInEmail: string | undefined): string {
	if (error instanceof CossistantApiError) {
		if (error.code === "not_found")
			return signedInEmail
				? `${INVITATION_GONE} (It must also be addressed to ${signedInEmail}, the account signed in here.)`
				: INVITATION_GONE;
		if (error.code === "invalid_credentials") return "Wrong email or password.";
		if (error.code === "rate_limited")
			return "Too many attempts. Wait a few minutes and try again.";
		if (error.code === "network_error")
			return "The server cannot be reached. Check your connection and try again.";
		return error.message;
	}
	return "Something went wrong. Try again.";
}
