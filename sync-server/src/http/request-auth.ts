import type { Request } from "express";
import type { Authenticator } from "../auth/authenticator.ts";
import type { UserPrincipal } from "../auth/principal.ts";
import { ApiError } from "../errors/api-error.ts";

/** The bearer token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(req: Request): string | undefined {
	const header = req.headers.authorization;
	const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
	return match?.[1];
}

/** The agent behind the request's session token, or a 401. */
export async function requireAgent(auth: Authenticator, req: Request): Promise<UserPrincipal> {
	const token = bearerToken(req);
	if (!token)
		throw new ApiError(
			401,
			"unauthorized",
			"Log in and send Authorization: Bearer <session token>.",
		);
	return auth.checkSession(token);
}

/**
 * The agent behind the request, who must be a member of `websiteId`. Non-members get a 404,
 * so a website's existence is not revealed to agents of other websites.
 */
export async function requireWebsiteAgent(
	auth: Authenticator,
	req: Request,
	websiteId: string,
): Promise<UserPrincipal> {
	const agent = await requireAgent(auth, req);
	if (!agent.websiteIds.has(websiteId)) {
		throw new ApiError(404, "not_found", "Website not found.");
	}
	return agent;
}

/**
 * Like {@link requireWebsiteAgent}, for admin-only actions (403 `forbidden` for other agents).
 * The role is the one on `websiteId`: being an admin of another website grants nothing here.
 */
export async function requireWebsiteAdmin(
	auth: Authenticator,
	req: Request,
	websiteId: string,
): Promise<UserPrincipal> {
	const agent = await requireWebsiteAgent(auth, req, websiteId);
	if (!agent.adminWebsiteIds.has(websiteId)) {
		throw new ApiError(403, "forbidden", "Only admins may do this.");
	}
	return agent;
}
