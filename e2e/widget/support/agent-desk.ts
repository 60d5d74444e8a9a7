import type {
	Conversation,
	ConversationListResponse,
	FeatureFlagMutation,
	TimelineItem,
} from "@cossistant/types";
import { connectAgent, type TestAgent } from "../../../react-sdk/test/support/agent.ts";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import type { E2eServer } from "../../support/sync-server.ts";

/**
 * The demo admin on the other side of the widget: a real agent client (session, WebSocket and
 * outbox, as the dashboard uses) plus the private REST API for look-ups and flag mutations.
 */
export interface AgentDesk {
	agent: TestAgent;
	websiteId: string;
	/** The conversation whose last item is the visitor's message `text` (waits for it). */
	conversationWithMessage(text: string): Promise<Conversation>;
	/** The agent's replica of a conversation's public timeline. */
	timeline(conversationId: string): Promise<TimelineItem[]>;
	/** Replies as the agent through its outbox; resolves once the server applied it. */
	reply(conversationId: string, text: string): Promise<string>;
	/** Resolves (or reopens) a conversation through the agent's outbox. */
	setStatus(conversationId: string, status: "open" | "resolved"): Promise<void>;
	/** Blocks or unblocks a visitor (`POST /v1/visitors/:id/block|unblock`) as the agent. */
	setBlocked(visitorId: string, blocked: boolean, conversationId?: string): Promise<void>;
	/** `PATCH /v1/support/feature-flags` with a private key, as a customer's backend would. */
	mutateFlags(mutation: FeatureFlagMutation): Promise<void>;
	close(): void;
}

export async function openAgentDesk(server: E2eServer): Promise<AgentDesk> {
	const agent = await connectAgent(server);
	const websiteId = agent.session.websiteIds[0];
	if (!websiteId) throw new Error("the demo admin has no website");
	let privateKey: Promise<string> | null = null;
	const api = async <T>(path: string, init: RequestInit = {}, bearer = agent.session.token) => {
		const response = await fetch(`${server.demo.apiUrl}${path}`, {
			...init,
			headers: {
				"content-type": "application/json",
				authorization: `Bearer ${bearer}`,
				...init.headers,
			},
		});
		if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	};
	return {
		agent,
		websiteId,
		conversationWithMessage: (text) =>
			eventually(
				async () => {
					const { conversations } = await api<ConversationListResponse>("/conversations?limit=100");
					const match = conversations.find((conversation) =>
						conversation.lastTimelineItem?.parts.some(
							(part) => part.type === "text" && part.text === text,
						),
					);
					if (!match) throw new Error(`no conversation ends with ${JSON.stringify(text)}`);
					return match;
				},
				{ timeoutMs: 20_000, intervalMs: 200, message: "the visitor's message never arrived" },
			),
		timeline: (conversationId) => agent.timeline(conversationId),
		reply: (conversationId, text) => agent.reply(conversationId, text),
		setStatus: (conversationId, status) =>
			agent.command({ type: "conversation.setStatus", conversationId, status }),
		async setBlocked(visitorId, blocked, conversationId) {
			await api(`/visitors/${visitorId}/${blocked ? "block" : "unblock"}`, {
				method: "POST",
				body: JSON.stringify(conversationId ? { conversationId } : {}),
			});
		},
		async mutateFlags(mutation) {
			privateKey ??= agent.createPrivateKey(websiteId);
			await api(
				"/support/feature-flags",
				{ method: "PATCH", body: JSON.stringify(mutation) },
				await privateKey,
			);
		},
		close: () => agent.destroy(),
	};
}
