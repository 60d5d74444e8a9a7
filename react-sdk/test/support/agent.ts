import { DocumentNames, type LoginResponse, type TimelineItem } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { TestClient } from "../../../sync-server/test/support/test-client.ts";
import type { WidgetServer } from "./widget-server.ts";

/** The demo admin as a real agent client (WebSocket + outbox), for widget tests. */
export interface TestAgent {
	session: LoginResponse;
	client: TestClient;
	/** The agent's replica of a conversation's public timeline (opened and synced). */
	timeline(conversationId: string): Promise<TimelineItem[]>;
	/** Sends a message as the agent; resolves with the item id once the server applied it. */
	reply(conversationId: string, text: string): Promise<string>;
	/** Publishes (or clears) the agent's typing state in a conversation, as the dashboard does. */
	typing(conversationId: string, isTyping: boolean): void;
	/** Sends any agent command and waits for its result. */
	command(command: Record<string, unknown>): Promise<void>;
	/** Creates a private API key of the demo website (for flag mutations). */
	createPrivateKey(websiteId: string): Promise<string>;
	destroy(): void;
}

async function json<T>(response: Response): Promise<T> {
	if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

/** Logs the demo admin in and connects it. */
export async function connectAgent(server: WidgetServer): Promise<TestAgent> {
	const { demo } = server;
	const session = await json<LoginResponse>(
		await fetch(`${demo.apiUrl}/auth/login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email: demo.agentEmail, password: demo.agentPassword }),
		}),
	);
	const client = new TestClient({
		wsUrl: demo.wsUrl,
		token: session.token,
		principal: `user:${session.user.id}`,
	});
	const command = async (body: Record<string, unknown>) => {
		const id = uuidv7();
		client.send({ id, ...body });
		const result = await client.result(id);
		if (result.status !== "applied") throw new Error(`command refused: ${JSON.stringify(result)}`);
	};
	return {
		session,
		client,
		async timeline(conversationId) {
			const name = DocumentNames.conversation(conversationId);
			await client.openSynced(name);
			return client.timeline(name);
		},
		async reply(conversationId, text) {
			const itemId = uuidv7();
			await command({
				type: "message.send",
				conversationId,
				itemId,
				parts: [{ type: "text", text }],
			});
			return itemId;
		},
		typing(conversationId, isTyping) {
			client
				.open(DocumentNames.conversation(conversationId))
				.setAwarenessField(
					"typing",
					isTyping ? { principal: `user:${session.user.id}`, at: Date.now() } : null,
				);
		},
		command,
		async createPrivateKey(websiteId) {
			const created = await json<{ key: string }>(
				await fetch(`${demo.apiUrl}/websites/${websiteId}/api-keys`, {
					method: "POST",
					headers: {
						"content-type": "application/json",
						authorization: `Bearer ${session.token}`,
					},
					body: JSON.stringify({ name: "widget tests", kind: "private", environment: "test" }),
				}),
			);
			return created.key;
		},
		destroy: () => client.destroy(),
	};
}
