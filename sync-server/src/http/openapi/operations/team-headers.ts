import { TEAM_HEADERS } from "@cossistant/types";
import type { HeaderParameter } from "../operation.ts";

/** `Idempotency-Key` of the private API's writes. */
export const IDEMPOTENCY_KEY: HeaderParameter = {
	name: "Idempotency-Key",
	description:
		"1-255 printable ASCII characters. A write retried with the same key (same caller, same " +
		"route) is applied once and answers the same resource.",
};

/** `x-ai-agent-id` of writes a backend may make as one of its website's AI agents. */
export const AI_AGENT_ID: HeaderParameter = {
	name: TEAM_HEADERS.aiAgentId,
	description:
		"Private keys only: act as this AI agent of the key's website (items carry `aiAgentId`, " +
		"events `actorAiAgentId`). Same as the body's `aiAgentId`.",
};

/** Credential errors every private-API route may answer. */
export const TEAM_FORBIDDEN =
	"`private_key_required`: a public key was sent; `forbidden`: not allowed for this caller.";
