import {
	AgentClient,
	type AgentSession,
	isAdminOf,
	type StoredAgentSession,
} from "@cossistant/core/agent";
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { sessionTeamRequest } from "./api/team-request-client.ts";
import { AcceptInvitationPage } from "./auth/accept-invitation-page.tsx";
import { LoginPage } from "./auth/login-page.tsx";
import { SetupPage } from "./auth/setup-page.tsx";
import { apiUrl, WEBSITE_KEY } from "./config.ts";
import { type Dashboard, DashboardContext } from "./dashboard-context.tsx";
import { ContactDirectory } from "./inbox/contact-directory.ts";
import { navigate, useRoute } from "./router.ts";
import { Workspace } from "./shell/workspace.tsx";
import { AgentsDirectory } from "./team/agents-directory.ts";

/** Signed out: login or first-admin setup. Signed in: the workspace. Either: accepting an invitation. */
export function App({ session }: { session: AgentSession }) {
	const current = useStore(session.state, (state) => state.session);
	const route = useRoute();
	// Signed in or not: the page accepts for the current account or creates / signs in one.
	if (route.page === "invite") return <AcceptInvitationPage session={session} />;
	if (!current) {
		return route.page === "setup" ? (
			<SetupPage session={session} />
		) : (
			<LoginPage session={session} />
		);
	}
	return <SignedIn key={current.token} session={session} current={current} />;
}

/** What a login opens: the dashboard, or why it cannot (no website). */
type Opened = { dashboard: Dashboard } | { error: string };

/**
 * Opened during a render and not yet owned by a mounted `SignedIn` (development's StrictMode
 * renders twice and keeps one result: both renders must get the same client, not two sockets).
 */
let unclaimed: { token: string; opened: Opened } | null = null;

/**
 * Creates the agent client for this login (one socket, caches, outbox) and the workspace. Both
 * come from the stored session during the first render, without a request, so the cached inbox
 * and conversation paint in the first frame rather than after an empty one.
 */
function SignedIn({ session, current }: { session: AgentSession; current: StoredAgentSession }) {
	// The client lives as long as the token (SignedIn is keyed by it): a refreshed role or name
	// must not tear the socket down, so the session is read once, by the first render.
	const [opened] = useState<Opened>(() => openOnce(session, current));
	const mounted = useRef(0);
	useEffect(() => {
		if (!("dashboard" in opened)) return;
		const { dashboard } = opened;
		if (unclaimed?.opened === opened) unclaimed = null;
		mounted.current += 1;
		// Role and websites may have changed since the last login, and the agents' names: both
		// asked once online (offline, the stored ones stay; a request could only fail).
		const stopWaiting = whenOnline(() => {
			void dashboard.agents.refresh();
			void session.refresh().catch(() => {});
		});
		return () => {
			stopWaiting();
			mounted.current -= 1;
			// StrictMode (development) unmounts and remounts in one go: the client outlives that,
			// and is destroyed when the workspace really goes.
			queueMicrotask(() => {
				if (mounted.current === 0) dashboard.client.destroy();
			});
		};
	}, [opened, session]);
	// Signed in on the login or setup page: the inbox replaces it before the workspace renders.
	const [atAuthPage, setAtAuthPage] = useState(isAuthPath);
	const signedIn = "dashboard" in opened;
	useEffect(() => {
		if (!atAuthPage || !signedIn) return;
		navigate({ page: "inbox" }, { replace: true });
		setAtAuthPage(false);
	}, [atAuthPage, signedIn]);
	if ("error" in opened)
		return <p className="m-auto max-w-md p-8 text-center text-muted-foreground">{opened.error}</p>;
	if (atAuthPage) return null;
	return (
		<DashboardContext.Provider value={opened.dashboard}>
			<Workspace />
		</DashboardContext.Provider>
	);
}

/** {@link openDashboard}, once per token until a mounted `SignedIn` owns the result. */
function openOnce(session: AgentSession, current: StoredAgentSession): Opened {
	if (unclaimed?.token === current.token) return unclaimed.opened;
	// A render for another login that never mounted: its client is nobody's.
	if (unclaimed && "dashboard" in unclaimed.opened) unclaimed.opened.dashboard.client.destroy();
	const opened = openDashboard(session, current);
	unclaimed = { token: current.token, opened };
	return opened;
}

/** The client and the directories of one login, from the stored session (no request). */
function openDashboard(session: AgentSession, current: StoredAgentSession): Opened {
	const stored = localStorage.getItem(WEBSITE_KEY);
	const websiteId = stored && current.websiteIds.includes(stored) ? stored : current.websiteIds[0];
	if (!websiteId)
		return { error: "Your account belongs to no website yet. Ask an admin to add you." };
	const base = apiUrl();
	const client = new AgentClient({
		apiUrl: base,
		session: current,
		websiteId,
		// The socket refused the session (expired, logged out elsewhere): back to the login page.
		onUnauthorized: () => session.clear(),
	});
	const request = sessionTeamRequest(session, base);
	return {
		dashboard: {
			session,
			user: current.user,
			websiteId,
			isAdmin: isAdminOf(current, websiteId),
			client,
			request,
			agents: new AgentsDirectory(request, websiteId),
			contacts: new ContactDirectory(request, websiteId),
		},
	};
}

/** Whether the location is the login or the setup page. */
function isAuthPath(): boolean {
	const { pathname } = window.location;
	return pathname.endsWith("/login") || pathname.endsWith("/setup");
}

/**
 * Runs `task` now when the browser is online, else once it is back online; returns what stops
 * the wait.
 */
function whenOnline(task: () => void): () => void {
	if (navigator.onLine) {
		task();
		return () => {};
	}
	const run = () => {
		window.removeEventListener("online", run);
		task();
	};
	window.addEventListener("online", run);
	return () => window.removeEventListener("online", run);
}
