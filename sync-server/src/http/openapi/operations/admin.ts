import {
	agentListResponseSchema,
	aiAgentListResponseSchema,
	aiAgentResponseSchema,
	apiKeyListResponseSchema,
	apiKeyResponseSchema,
	createAgentRequestSchema,
	createAgentResponseSchema,
	createAiAgentRequestSchema,
	createApiKeyRequestSchema,
	createApiKeyResponseSchema,
	rotateIdentitySecretResponseSchema,
	updateWebsiteSettingsRequestSchema,
	websiteSettingsSchema,
} from "@cossistant/types";
import { type NamedSchema, type OperationDoc, operation } from "../operation.ts";

const ADMIN_ONLY = "`forbidden`: the agent is not an admin.";
const settings: NamedSchema = { name: "WebsiteSettings", schema: websiteSettingsSchema };
const createAgentResponse: NamedSchema = {
	name: "CreateAgentResponse",
	schema: createAgentResponseSchema,
};

/**
 * A website's administration (agent sessions; a website's id is `not_found` to non-members):
 * API keys, trust settings, agents and AI agents.
 */
export const adminOperations: OperationDoc[] = [
	operation({
		method: "get",
		path: "/v1/websites/:websiteId/api-keys",
		operationId: "listApiKeys",
		tag: "Administration",
		summary: "List the website's API keys (private keys by prefix only)",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "The keys, revoked ones included.",
				body: { name: "ApiKeyListResponse", schema: apiKeyListResponseSchema },
			},
		],
		errors: { 403: ADMIN_ONLY },
	}),
	operation({
		method: "post",
		path: "/v1/websites/:websiteId/api-keys",
		operationId: "createApiKey",
		tag: "Administration",
		summary: "Create a pk_/sk_ test/live key; its value is shown in this response only",
		security: ["session"],
		requestBody: { name: "CreateApiKeyRequest", schema: createApiKeyRequestSchema },
		responses: [
			{
				status: 201,
				description: "The key and, once, its value.",
				body: { name: "CreateApiKeyResponse", schema: createApiKeyResponseSchema },
			},
		],
		errors: { 403: ADMIN_ONLY },
	}),
	operation({
		method: "delete",
		path: "/v1/websites/:websiteId/api-keys/:apiKeyId",
		operationId: "revokeApiKey",
		tag: "Administration",
		summary: "Revoke a key: refused everywhere from now on; its open sockets are closed",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "The revoked key (revoking twice keeps the first time).",
				body: { name: "ApiKeyResponse", schema: apiKeyResponseSchema },
			},
		],
		errors: { 403: ADMIN_ONLY },
	}),
	operation({
		method: "get",
		path: "/v1/websites/:websiteId/settings",
		operationId: "getWebsiteSettings",
		tag: "Administration",
		summary: "Allowed origins and identity verification (any agent of the website)",
		security: ["session"],
		responses: [{ status: 200, description: "The settings.", body: settings }],
	}),
	operation({
		method: "patch",
		path: "/v1/websites/:websiteId/settings",
		operationId: "updateWebsiteSettings",
		tag: "Administration",
		summary: "Change the name, allowed origins, identity verification or typical reply time",
		description:
			"Allowed origins: exact (`https://app.example.com`, port allowed) or wildcard " +
			"(`https://*.example.com`); the protocol is required and must match the browser's.",
		security: ["session"],
		requestBody: {
			name: "UpdateWebsiteSettingsRequest",
			schema: updateWebsiteSettingsRequestSchema,
		},
		responses: [{ status: 200, description: "The settings after the change.", body: settings }],
		errors: { 403: ADMIN_ONLY },
	}),
	operation({
		method: "post",
		path: "/v1/websites/:websiteId/settings/identity-secret",
		operationId: "rotateIdentitySecret",
		tag: "Administration",
		summary: "Rotate the identify() HMAC secret; the new one is shown this once",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "The new secret (the old one stops verifying at once).",
				body: { name: "RotateIdentitySecretResponse", schema: rotateIdentitySecretResponseSchema },
			},
		],
		errors: { 403: ADMIN_ONLY },
	}),
	operation({
		method: "get",
		path: "/v1/websites/:websiteId/agents",
		operationId: "listAgents",
		tag: "Administration",
		summary: "The website's agents (and, for admins, pending invitations)",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "Agents and invitations.",
				body: { name: "AgentListResponse", schema: agentListResponseSchema },
			},
		],
	}),
	operation({
		method: "post",
		path: "/v1/websites/:websiteId/agents",
		operationId: "createAgent",
		tag: "Administration",
		summary: "Invite someone (new or existing account), or create a new agent with a password",
		description:
			"Without `password` an invitation is created and its one-time `inviteToken` returned, " +
			"the same answer whether the email has an account or not: a new person accepts it with " +
			"`POST /v1/auth/accept-invite`, an existing account with `POST /v1/invitations/accept` " +
			"while logged in. Nobody is added to a website without accepting. With `password` a " +
			"new account is created at once. `role` is the role on this website only.",
		security: ["session"],
		requestBody: { name: "CreateAgentRequest", schema: createAgentRequestSchema },
		responses: [{ status: 201, description: "Created or invited.", body: createAgentResponse }],
		errors: {
			403: ADMIN_ONLY,
			409: "`conflict`: the person is a member already, or `password` was given for an email that has an account.",
		},
	}),
	operation({
		method: "delete",
		path: "/v1/websites/:websiteId/agents/:userId",
		operationId: "removeAgent",
		tag: "Administration",
		summary: "Remove an agent from the website (its open sockets are closed)",
		security: ["session"],
		responses: [{ status: 204, description: "Removed." }],
		errors: { 403: ADMIN_ONLY, 409: "`conflict`: the website's last admin cannot be removed." },
	}),
	operation({
		method: "get",
		path: "/v1/websites/:websiteId/ai-agents",
		operationId: "listAiAgents",
		tag: "Administration",
		summary: "The website's AI agents",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "AI agents.",
				body: { name: "AiAgentListResponse", schema: aiAgentListResponseSchema },
			},
		],
	}),
	operation({
		method: "post",
		path: "/v1/websites/:websiteId/ai-agents",
		operationId: "createAiAgent",
		tag: "Administration",
		summary: "Create an AI agent that backends (private key) post as",
		security: ["session"],
		requestBody: { name: "CreateAiAgentRequest", schema: createAiAgentRequestSchema },
		responses: [
			{
				status: 201,
				description: "The AI agent.",
				body: { name: "AiAgentResponse", schema: aiAgentResponseSchema },
			},
		],
		errors: { 403: ADMIN_ONLY },
	}),
];
