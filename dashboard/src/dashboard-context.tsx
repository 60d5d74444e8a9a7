import type { AgentClient, AgentSession, StoredAgentSession } from "@cossistant/core/agent";
import { createContext, useContext } from "react";
import type { TeamRequest } from "./api/team-request.ts";
import type { ContactDirectory } from "./inbox/contact-directory.ts";
import type { AgentsDirectory } from "./team/agents-directory.ts";

/** Everything a signed-in page needs, created once per session. */
export interface Dashboard {
	session: AgentSession;
	user: StoredAgentSession["user"];
	websiteId: string;
	/** Whether the agent is an admin of `websiteId` (roles are per website). */
	isAdmin: boolean;
	client: AgentClient;
	/** Authenticated REST calls relative to `/v1` (the settings and contact panels' contract). */
	request: TeamRequest;
	agents: AgentsDirectory;
	contacts: ContactDirectory;
}

export const DashboardContext = createContext<Dashboard | null>(null);

/** The signed-in dashboard (inside `SignedIn` only). */
export function useDashboard(): Dashboard {
	const dashboard = useContext(DashboardContext);
	if (!dashboard) throw new Error("useDashboard() outside the signed-in dashboard");
	return dashboard;
}
