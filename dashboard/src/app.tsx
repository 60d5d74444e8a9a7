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

/** Creates the agent client for this login (one socket, caches, outbox) and the workspace. */
function SignedIn({ session, current }: { session: AgentSession; current: StoredAgentSession }) {
	const [dashboard, setDashboard] = useState<Dashboard | null>(null);
	const [error, setError] = useState<string | null>(null);
	// The client lives as long as the token (SignedIn is keyed by it): a refreshed role or name
	// must not tear the socket down, so the effect reads the session once, through a ref.
	const initial = useRef(current);
	useEffect(() => {
		const current = initial.current;
		const stored = localStorage.getItem(WEBSITE_KEY);
		const websiteId =
			stored && current.websiteIds.includes(stored) ? stored : current.websiteIds[0];
		if (!websiteId) {
			setError("Your account belongs to no website yet. Ask an admin to add you.");
			return;
		}
		const base = apiUrl();
		const client = new AgentClient({
			apiUrl: base,
			session: current,
			websiteId,
			// The socket refused the session (expired, logged out elsewhere): back to the login page.
			onUnauthorized: () => session.clear(),
		});
		const request = sessionTeamRequest(session, base);
		const agents = new AgentsDirectory(request, websiteId);
		void agents.refresh();
		// Role and websites may have changed since the last login (offline: the stored ones stay).
		void session.refresh().catch(() => {});
		setDashboard({
			session,
			user: current.user,
			websiteId,
			isAdmin: isAdminOf(current, websiteId),
			client,
			request,
			agents,
			contacts: new ContactDirectory(request, websiteId),
		});
		if (window.location.pathname.endsWith("/login") || window.location.pathname.endsWith("/setup"))
			navigate({ page: "inbox" }, { replace: true });
		return () => client.destroy();
	}, [session]);
	if (error)
		return <p className="m-auto max-w-md p-8 text-center text-muted-foreground">{error}</p>;
	if (!dashboard) return null;
	return (
		<DashboardContext.Provider value={dashboard}>
			<Workspace />
		</DashboardContext.Provider>
	);
}
