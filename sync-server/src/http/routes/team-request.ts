import { createHash } from "node:crypto";
import { idempotencyKeySchema, idSchema, TEAM_HEADERS } from "@cossistant/types";
import type { Request } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import type { Authenticator, PrivateKeyContext } from "../../auth/authenticator.ts";
import { type AgentPrincipal, principalKey, type UserPrincipal } from "../../auth/principal.ts";
import { ApiError } from "../../errors/api-error.ts";
import { bearerToken } from "../request-auth.ts";

/**
 * Who a private-API request speaks for: a backend (`Authorization: Bearer sk_…`) or an agent
 * (`Bearer st_…` session). Public keys and visitor tokens never get here: a public key as
 * bearer is `403 private_key_required`, anything else unknown is `401`.
 */
export interface TeamCaller {
	/** The websites the caller acts for: the key's one, or the agent's memberships. */
	readonly websiteIds: ReadonlySet<string>;
	/** The agent behind a session; null for backends. */
	readonly user: UserPrincipal | null;
	/**
	 * The principal commands run as. A backend may act as an AI agent of its website, named by
	 * the `x-ai-agent-id` header or the body's `aiAgentId` (they must agree); agents cannot.
	 */
	principal(bodyAiAgentId?: string): Promise<AgentPrincipal>;
	/**
	 * The website a new resource goes to: the key's, or the agent's only website (an agent of
	 * several names one with `websiteId`; another website's id is `not_found`).
	 */
	websiteFor(requested?: string): string;
}

/** Resolves the caller of a private-API route or throws the 401 / 403 it deserves. */
export async function requireTeamCaller(auth: Authenticator, req: Request): Promise<TeamCaller> {
	const token = bearerToken(req);
	if (!token) {
		throw new ApiError(
			401,
			"unauthorized",
			"Send Authorization: Bearer sk_… (backends) or an agent session token (dashboard).",
		);
	}
	const headerAiAgentId = aiAgentHeader(req);
	// Keys are recognisable by their prefix; a public key is refused by checkPrivateKey.
	if (/^(sk|pk)_/.test(token)) {
		const key = await auth.checkPrivateKey(req);
		return backendCaller(auth, key, headerAiAgentId);
	}
	const user = await auth.checkSession(token);
	return {
		websiteIds: user.websiteIds,
		user,
		async principal(bodyAiAgentId) {
			if (headerAiAgentId || bodyAiAgentId) {
				throw new ApiError(
					400,
					"bad_request",
					"Only backends (private keys) post as an AI agent; agents post as themselves.",
				);
			}
			return user;
		},
		websiteFor(requested) {
			if (requested !== undefined) {
				if (!user.websiteIds.has(requested)) {
					throw new ApiError(404, "not_found", "Website not found.");
				}
				return requested;
			}
			if (user.websiteIds.size !== 1) {
				throw new ApiError(400, "validation_failed", "Name the website: websiteId is required.", [
					{ path: "websiteId", message: "required for agents of several websites" },
				]);
			}
			return [...user.websiteIds][0] as string;
		},
	};
}

function backendCaller(
	auth: Authenticator,
	key: PrivateKeyContext,
	headerAiAgentId: string | undefined,
): TeamCaller {
	return {
		websiteIds: new Set([key.websiteId]),
		user: null,
		principal(bodyAiAgentId) {
			if (headerAiAgentId && bodyAiAgentId && headerAiAgentId !== bodyAiAgentId) {
				throw new ApiError(
					400,
					"validation_failed",
					"The x-ai-agent-id header and the body's aiAgentId disagree.",
					[{ path: "aiAgentId", message: "must equal the x-ai-agent-id header" }],
				);
			}
			return auth.backendPrincipal(key, headerAiAgentId ?? bodyAiAgentId);
		},
		websiteFor(requested) {
			if (requested !== undefined && requested !== key.websiteId) {
				throw new ApiError(404, "not_found", "Website not found.");
			}
			return key.websiteId;
		},
	};
}

function aiAgentHeader(req: Request): string | undefined {
	const value = req.header(TEAM_HEADERS.aiAgentId);
	if (value === undefined || value === "") return undefined;
	if (!v.safeParse(idSchema, value).success) {
		throw new ApiError(400, "validation_failed", "The x-ai-agent-id header is malformed.", [
			{ path: TEAM_HEADERS.aiAgentId, message: "must be an AI agent id" },
		]);
	}
	return value;
}

/**
 * Ids of the commands (and of the resources they create) of one request. With an
 * `Idempotency-Key` they are derived from it, the caller's ledger key and the request's method
 * and path, so a retried request submits the very same commands (the ledger applies them once)
 * and names the very same conversation or item; the same key on another route or from another
 * caller derives other ids. Without a key every id is new.
 */
export interface RequestIds {
	/** True when the request carried an Idempotency-Key. */
	readonly keyed: boolean;
	/** The id of the command or resource `label` names within this request. */
	id(label: string): string;
}

/** Reads the request's Idempotency-Key (a 400 when malformed) and derives its ids. */
export function requestIds(req: Request, principal: AgentPrincipal): RequestIds {
	const raw = req.header(TEAM_HEADERS.idempotencyKey);
	if (raw === undefined) return { keyed: false, id: () => uuidv7() };
	const parsed = v.safeParse(idempotencyKeySchema, raw);
	if (!parsed.success) {
		throw new ApiError(400, "validation_failed", "The Idempotency-Key header is malformed.", [
			{ path: "Idempotency-Key", message: "1-255 printable ASCII characters" },
		]);
	}
	const scope = `${principalKey(principal)}\u0000${req.method} ${req.baseUrl}${req.path}\u0000${parsed.output}`;
	return {
		keyed: true,
		// 43 base64url characters of SHA-256: a valid id, and collision-free in practice.
		id: (label) => createHash("sha256").update(`${scope}\u0000${label}`).digest("base64url"),
	};
}
