import {
	agentResponseSchema,
	contactVisitorsResponseSchema,
	featureFlagsResponseSchema,
	updateAgentRoleRequestSchema,
	updateFeatureFlagsRequestSchema,
	visitorDetailResponseSchema,
} from "@cossistant/types";
import { type NamedSchema, type OperationDoc, operation } from "../operation.ts";
import { IDEMPOTENCY_KEY, TEAM_FORBIDDEN } from "./team-headers.ts";

const flags: NamedSchema = { name: "FeatureFlagsResponse", schema: featureFlagsResponseSchema };
const FLAG_TARGET =
	"`targetType` is `visitor`, `contact` or `contactOrganization`; `targetId` one of the " +
	"caller's websites' (another website's id is `not_found`).";

/** What the agents' dashboard reads and changes besides the backend API: devices, flags, roles. */
export const dashboardOperations: OperationDoc[] = [
	operation({
		method: "get",
		path: "/v1/visitors/:visitorId",
		operationId: "getVisitor",
		tag: "Visitors",
		summary: "A visitor with its device (browser, OS, device type from its User-Agent)",
		security: ["session", "privateKey"],
		responses: [
			{
				status: 200,
				description: "The visitor.",
				body: { name: "VisitorDetailResponse", schema: visitorDetailResponseSchema },
			},
		],
		errors: { 403: TEAM_FORBIDDEN },
	}),
	operation({
		method: "get",
		path: "/v1/contacts/:contactId/visitors",
		operationId: "listContactVisitors",
		tag: "Contacts",
		summary: "A contact's visitors (its devices), most recently seen first (at most 100)",
		security: ["session", "privateKey"],
		responses: [
			{
				status: 200,
				description: "The contact's visitors.",
				body: { name: "ContactVisitorsResponse", schema: contactVisitorsResponseSchema },
			},
		],
		errors: { 403: TEAM_FORBIDDEN },
	}),
	operation({
		method: "get",
		path: "/v1/feature-flags/:targetType/:targetId",
		operationId: "getFeatureFlags",
		tag: "Support state",
		summary: "The own feature flags of a visitor, contact or contact organization",
		description: FLAG_TARGET,
		security: ["session", "privateKey"],
		responses: [{ status: 200, description: "The target's own flags, sorted.", body: flags }],
		errors: { 403: TEAM_FORBIDDEN },
	}),
	operation({
		method: "patch",
		path: "/v1/feature-flags/:targetType/:targetId",
		operationId: "updateFeatureFlags",
		tag: "Support state",
		summary: "Add, remove or set the flags of a visitor, contact or contact organization",
		description:
			`${FLAG_TARGET} The \`featureFlags.mutate\` command (admins and backends), as ` +
			"`PATCH /v1/support/feature-flags` but with an agent session too: every affected " +
			"device sees its new effective flags live.",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY],
		requestBody: { name: "UpdateFeatureFlagsRequest", schema: updateFeatureFlagsRequestSchema },
		responses: [{ status: 200, description: "The target's own flags afterwards.", body: flags }],
		errors: { 403: `${TEAM_FORBIDDEN} Agents who are not admins get \`forbidden\`.` },
	}),
	operation({
		method: "patch",
		path: "/v1/websites/:websiteId/agents/:userId",
		operationId: "updateAgentRole",
		tag: "Administration",
		summary: "Change an agent's role (admin / agent) on this website",
		description:
			"A role belongs to the membership: the agent's other websites are untouched. The " +
			"agent's open sockets are closed so they reconnect with the new role.",
		security: ["session"],
		requestBody: { name: "UpdateAgentRoleRequest", schema: updateAgentRoleRequestSchema },
		responses: [
			{
				status: 200,
				description: "The agent afterwards.",
				body: { name: "AgentResponse", schema: agentResponseSchema },
			},
		],
		errors: {
			403: "`forbidden`: the caller is not an admin of this website.",
			409: "`conflict`: the change would leave the website without an admin.",
		},
	}),
	operation({
		method: "delete",
		path: "/v1/websites/:websiteId/invitations/:invitationId",
		operationId: "deleteInvitation",
		tag: "Administration",
		summary: "Withdraw a pending invitation (its token stops working)",
		security: ["session"],
		responses: [{ status: 204, description: "Withdrawn." }],
		errors: { 403: "`forbidden`: the agent is not an admin." },
	}),
];
