import { type AgentUser, agentListResponseSchema } from "@cossistant/types";
import * as v from "valibot";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TeamRequest } from "../api/team-request.ts";

/**
 * The website's agents (names for assignees, the assign menu), fetched once online and kept
 * on the device so names still show offline.
 */
export class AgentsDirectory {
	readonly state: StoreApi<{ agents: AgentUser[] }>;
	private readonly key: string;

	constructor(
		private readonly request: TeamRequest,
		private readonly websiteId: string,
	) {
		this.key = `cossistant:dashboard-agents:${websiteId}`;
		this.state = createStore(() => ({ agents: this.load() }));
	}

	/** Refreshes from `GET /v1/websites/:websiteId/agents` (silently keeps the cache offline). */
	async refresh(): Promise<void> {
		try {
			const parsed = v.safeParse(
				agentListResponseSchema,
				await this.request(`/websites/${encodeURIComponent(this.websiteId)}/agents`),
			);
			if (!parsed.success) return;
			this.state.setState({ agents: parsed.output.agents });
			localStorage.setItem(this.key, JSON.stringify(parsed.output.agents));
		} catch {
			// Offline: the cached list stays.
		}
	}

	/** A display name for a user id. */
	name(userId: string): string {
		return this.state.getState().agents.find((agent) => agent.id === userId)?.name ?? "An agent";
	}

	private load(): AgentUser[] {
		try {
			const parsed = v.safeParse(
				agentListResponseSchema.entries.agents,
				JSON.parse(localStorage.getItem(this.key) ?? "[]"),
			);
			return parsed.success ? parsed.output : [];
		} catch {
			return [];
		}
	}
}
