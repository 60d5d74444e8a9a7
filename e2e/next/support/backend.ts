import type { Conversation } from "@cossistant/types";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import { type E2eServer, startE2eServer } from "../../support/sync-server.ts";
import { api } from "./rest.ts";

/** A real sync-server prepared for the example: signed identifies required, a private key. */
export interface Backend {
	server: E2eServer;
	apiUrl: string;
	/** The demo admin's session (`st_…`), acting as the support agent. */
	agentToken: string;
	websiteId: string;
	identitySecret: string;
	privateKey: string;
	/** The example's environment: public key and URL, and the server-only secrets. */
	appEnv: Record<string, string>;
}

/**
 * Starts the sync-server with the demo seed, requires signed identifies (so a contact can only
 * appear if the Server Component signed it with the right secret), rotates the identity secret to
 * learn it, and creates a private key.
 */
export async function startBackend(): Promise<Backend> {
	const server = await startE2eServer();
	const apiUrl = server.demo.apiUrl;
	const login = await api<{ token: string; websiteIds: string[] }>(apiUrl, "/auth/login", {
		method: "POST",
		body: { email: server.demo.agentEmail, password: server.demo.agentPassword },
	});
	const agentToken = login.token;
	const [websiteId] = login.websiteIds;
	if (!websiteId) throw new Error("the demo agent has no website");
	await api(apiUrl, `/websites/${websiteId}/settings`, {
		method: "PATCH",
		token: agentToken,
		body: { identityVerificationRequired: true },
	});
	const { identitySecret } = await api<{ identitySecret: string }>(
		apiUrl,
		`/websites/${websiteId}/settings/identity-secret`,
		{ method: "POST", token: agentToken },
	);
	const { key: privateKey } = await api<{ key: string }>(
		apiUrl,
		`/websites/${websiteId}/api-keys`,
		{
			method: "POST",
			token: agentToken,
			body: { name: "Next.js example backend", kind: "private", environment: "test" },
		},
	);
	return {
		server,
		apiUrl,
		agentToken,
		websiteId,
		identitySecret,
		privateKey,
		// The private key is not used by the example; it is in its environment (build included) so
		// the leak checks prove that server-only variables stay on the server.
		appEnv: {
			NEXT_PUBLIC_COSSISTANT_API_KEY: server.demo.publicKey,
			NEXT_PUBLIC_COSSISTANT_API_URL: apiUrl,
			COSSISTANT_IDENTITY_SECRET: identitySecret,
			COSSISTANT_PRIVATE_API_KEY: privateKey,
		},
	};
}

/** The values that must never reach a browser, named for failure messages. */
export function secretsOf(backend: Backend): Record<string, string> {
	return {
		"the identity secret": backend.identitySecret,
		"the private API key": backend.privateKey,
	};
}

/** The conversation whose last public item contains `text`, as the agent lists it. */
export function conversationWith(backend: Backend, text: string): Promise<Conversation> {
	return eventually(
		async () => {
			const { conversations } = await api<{ conversations: Conversation[] }>(
				backend.apiUrl,
				`/conversations?websiteId=${backend.websiteId}`,
				{ token: backend.agentToken },
			);
			const found = conversations.find((c) => JSON.stringify(c.lastTimelineItem).includes(text));
			if (!found) throw new Error(`no conversation with "${text}" yet`);
			return found;
		},
		{
			timeoutMs: 20_000,
			intervalMs: 200,
			message: "the visitor's message never reached the server",
		},
	);
}
