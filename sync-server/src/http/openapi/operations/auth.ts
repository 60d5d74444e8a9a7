import {
	acceptInvitationRequestSchema,
	acceptInvitationResponseSchema,
	acceptInviteRequestSchema,
	loginRequestSchema,
	loginResponseSchema,
	meResponseSchema,
	setupRequestSchema,
	setupResponseSchema,
	setupStatusResponseSchema,
} from "@cossistant/types";
import { type NamedSchema, type OperationDoc, operation } from "../operation.ts";

const loginResponse: NamedSchema = { name: "LoginResponse", schema: loginResponseSchema };

/** Agent sign-in: first-admin setup, login, invitations, sessions. */
export const authOperations: OperationDoc[] = [
	operation({
		method: "get",
		path: "/v1/setup",
		operationId: "getSetupStatus",
		tag: "Agents",
		summary: "Whether the install still needs its first admin",
		security: [],
		responses: [
			{
				status: 200,
				description: "Setup status.",
				body: { name: "SetupStatusResponse", schema: setupStatusResponseSchema },
			},
		],
	}),
	operation({
		method: "post",
		path: "/v1/setup",
		operationId: "setup",
		tag: "Agents",
		summary: "Create the first admin, a first website and its pk_test key",
		description: "Only on an empty install; logs the new admin in.",
		security: [],
		requestBody: { name: "SetupRequest", schema: setupRequestSchema },
		responses: [
			{
				status: 201,
				description: "Set up; the admin's session.",
				body: { name: "SetupResponse", schema: setupResponseSchema },
			},
		],
		errors: { 409: "`conflict`: the install already has agents." },
	}),
	operation({
		method: "post",
		path: "/v1/auth/login",
		operationId: "login",
		tag: "Agents",
		summary: "Log an agent in",
		description:
			"Failed attempts are limited per email and per IP (429 `rate_limited` with Retry-After).",
		security: [],
		requestBody: { name: "LoginRequest", schema: loginRequestSchema },
		responses: [{ status: 200, description: "A session token.", body: loginResponse }],
		errors: { 401: "`invalid_credentials`: wrong email or password (same answer for both)." },
	}),
	operation({
		method: "get",
		path: "/v1/auth/me",
		operationId: "getMe",
		tag: "Agents",
		summary: "The agent behind the session token",
		security: ["session"],
		responses: [
			{
				status: 200,
				description: "The agent.",
				body: { name: "MeResponse", schema: meResponseSchema },
			},
		],
	}),
	operation({
		method: "post",
		path: "/v1/auth/logout",
		operationId: "logout",
		tag: "Agents",
		summary: "End the session and close its open WebSockets",
		security: ["session"],
		responses: [{ status: 204, description: "Logged out (also for an unknown token)." }],
	}),
	operation({
		method: "post",
		path: "/v1/auth/accept-invite",
		operationId: "acceptInvite",
		tag: "Agents",
		summary: "Accept an invitation as a new person: set a password and log in",
		description:
			"Failed attempts are limited per IP (429 `rate_limited` with Retry-After), shared with " +
			"`POST /v1/invitations/accept`.",
		security: [],
		requestBody: { name: "AcceptInviteRequest", schema: acceptInviteRequestSchema },
		responses: [{ status: 200, description: "The new agent's session.", body: loginResponse }],
		errors: {
			404: "`not_found`: the invitation is unknown, used or expired.",
			409: "`conflict`: an account with the invited email exists: accept it while logged in.",
		},
	}),
	operation({
		method: "post",
		path: "/v1/invitations/accept",
		operationId: "acceptInvitation",
		tag: "Agents",
		summary: "Accept an invitation with an existing account (logged in): join its website",
		description:
			"The invitation must name the logged-in agent's email; the agent joins the website with " +
			"the invitation's role there, its other websites unchanged. Failed attempts are limited " +
			"per IP (429 `rate_limited` with Retry-After).",
		security: ["session"],
		requestBody: { name: "AcceptInvitationRequest", schema: acceptInvitationRequestSchema },
		responses: [
			{
				status: 200,
				description: "The website joined and the role there.",
				body: { name: "AcceptInvitationResponse", schema: acceptInvitationResponseSchema },
			},
		],
		errors: {
			404: "`not_found`: the invitation is unknown, used, expired or for another email.",
		},
	}),
];
