import type { Request } from "express";
import type { Authenticator } from "../auth/authenticator.ts";
import type { UserPrincipal } from "../auth/principal.ts";
import { ApiError } from "./api-error.ts";

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
