import { createHmac } from "node:crypto";
import * as v from "valibot";
import { safeEqual } from "./crypto-helpers.ts";

const PREFIX = "vt1";
const payloadSchema = v.object({ v: v.string(), w: v.string(), iat: v.number() });
const DAY_MS = 86_400_000;

/** Who a genuine visitor token speaks for. */
export interface VisitorTokenClaims {
	visitorId: string;
	websiteId: string;
	issuedAt: number;
}

/**
 * How long visitor tokens live. A token is accepted everywhere for `ttlMs` after it was issued;
 * for `graceMs` more it is only good for one thing: being traded at the bootstrap for a fresh
 * token of the same visitor (so a widget that was away, with commands queued offline, keeps its
 * identity). After that it is worthless.
 */
export interface VisitorTokenLifetime {
	ttlMs: number;
	graceMs: number;
}

/** 30 days, renewable for 30 more. */
export const DEFAULT_VISITOR_TOKEN_LIFETIME: VisitorTokenLifetime = {
	ttlMs: 30 * DAY_MS,
	graceMs: 30 * DAY_MS,
};

/**
 * What a token is worth now: `valid` (accepted everywhere), `expired` (refused everywhere;
 * `renewable` when still inside the grace period, for the bootstrap only) or `invalid`
 * (malformed or not signed by this server).
 */
export type VisitorTokenCheck =
	| { status: "valid"; claims: VisitorTokenClaims }
	| { status: "expired"; claims: VisitorTokenClaims; renewable: boolean }
	| { status: "invalid" };

/**
 * Signs and verifies visitor tokens: `vt1.<payload>.<hmac>` (HMAC-SHA256, base64url).
 * Knowing a visitor id is worthless without the token the server issued for it, and a token is
 * worthless once its lifetime and grace period are over (`iat` is signed with the rest).
 */
export class VisitorTokenSigner {
	constructor(
		private readonly secret: string,
		readonly lifetime: VisitorTokenLifetime = DEFAULT_VISITOR_TOKEN_LIFETIME,
	) {}

	sign(visitorId: string, websiteId: string, now = Date.now()): string {
		const payload = Buffer.from(JSON.stringify({ v: visitorId, w: websiteId, iat: now })).toString(
			"base64url",
		);
		return `${PREFIX}.${payload}.${this.mac(payload)}`;
	}

	/** Returns the claims of a genuine, unexpired token, `null` for anything else. Never throws. */
	verify(token: string, now = Date.now()): VisitorTokenClaims | null {
		const check = this.check(token, now);
		return check.status === "valid" ? check.claims : null;
	}

	/** Tells a valid token from an expired (maybe renewable) or invalid one. Never throws. */
	check(token: string, now = Date.now()): VisitorTokenCheck {
		const claims = this.genuineClaims(token);
		if (!claims) return { status: "invalid" };
		const age = now - claims.issuedAt;
		if (age < this.lifetime.ttlMs) return { status: "valid", claims };
		return {
			status: "expired",
			claims,
			renewable: age < this.lifetime.ttlMs + this.lifetime.graceMs,
		};
	}

	/**
	 * Whether the bootstrap should hand out a fresh token for a valid one: once it is a quarter of
	 * its lifetime old. Younger tokens are handed back as they are, so a widget re-bootstrapping
	 * (every page load, reconnecting after starting offline) keeps the token its open documents
	 * authenticated with, while any visitor seen at least once every three quarters of the
	 * lifetime never reaches the expiry.
	 */
	needsRenewal(claims: VisitorTokenClaims, now = Date.now()): boolean {
		return now - claims.issuedAt >= this.lifetime.ttlMs / 4;
	}

	/** When a token with these claims stops being accepted (ms since the epoch). */
	expiresAt(claims: VisitorTokenClaims): number {
		return claims.issuedAt + this.lifetime.ttlMs;
	}

	/** True when `token` looks like a visitor token (not necessarily valid). */
	static isVisitorToken(token: string): boolean {
		return token.startsWith(`${PREFIX}.`);
	}

	/** The claims of a token this server signed, whatever its age; `null` for anything else. */
	private genuineClaims(token: string): VisitorTokenClaims | null {
		const [prefix, payload, mac, extra] = token.split(".");
		if (prefix !== PREFIX || !payload || !mac || extra !== undefined) return null;
		if (!safeEqual(mac, this.mac(payload))) return null;
		try {
			const parsed = v.safeParse(
				payloadSchema,
				JSON.parse(Buffer.from(payload, "base64url").toString()),
			);
			if (!parsed.success) return null;
			return {
				visitorId: parsed.output.v,
				websiteId: parsed.output.w,
				issuedAt: parsed.output.iat,
			};
		} catch {
			return null;
		}
	}

	private mac(payload: string): string {
		return createHmac("sha256", this.secret).update(`${PREFIX}.${payload}`).digest("base64url");
	}
}
