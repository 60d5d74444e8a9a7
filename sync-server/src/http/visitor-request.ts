import { HEADERS } from "@cossistant/types";
import type { Request } from "express";
import type { Authenticator } from "../auth/authenticator.ts";
import type { VisitorPrincipal } from "../auth/principal.ts";
import { ApiError } from "../errors/api-error.ts";
import { pageOrigin } from "./page-origin.ts";

/**
 * The visitor a widget request speaks for: a public key used from an allowed origin plus the
 * visitor token issued for that key's website. The principal carries the key's environment and
 * the request's client IP (per-IP command budgets count REST and WebSocket commands together).
 */
export async function requireVisitorRequest(
	auth: Authenticator,
	req: Request,
): Promise<VisitorPrincipal> {
	const key = await auth.checkPublicKey(req.header(HEADERS.publicKey), pageOrigin(req));
	const token = req.header(HEADERS.visitorToken);
	const visitor = token ? await auth.checkVisitorToken(token, key.websiteId) : null;
	if (!visitor) {
		throw new ApiError(401, "unauthorized", "A valid visitor token is required (X-Visitor-Token).");
	}
	return { ...visitor, keyEnvironment: key.environment, clientIp: req.ip };
}
