import type { AgentSession } from "@cossistant/core/agent";
import { createTeamRequest, type TeamRequest, TeamRequestError } from "./team-request.ts";

/**
 * The shell's TeamRequest: the session's token on every call, and a `401` (session expired or
 * revoked) signs the agent out, back to the login page.
 */
export function sessionTeamRequest(session: AgentSession, apiUrl: string): TeamRequest {
	const request = createTeamRequest({ apiUrl, token: () => session.current?.token ?? null });
	return async <T = unknown>(path: string, init?: Parameters<TeamRequest>[1]): Promise<T> => {
		try {
			return await request<T>(path, init);
		} catch (error) {
			if (error instanceof TeamRequestError && error.status === 401) session.clear();
			throw error;
		}
	};
}
