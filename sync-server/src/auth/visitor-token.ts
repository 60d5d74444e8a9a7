import { createHmac } from "node:crypto";
import * as z from "zod";
import { safeEqual } from "./crypto-helpers.ts";

const PREFIX = "vt1";
const payloadSchema = z.object({ v: z.string(), w: z.string(), iat: z.number() });

/** Who a valid visitor token speaks for. */
export interface VisitorTokenClaims {
	visitorId: string;
	websiteId: string;
	issuedAt: number;
}

/**
 * Signs and verifies visitor tokens: `vt1.<payload>.<hmac>` (HMAC-SHA256, base64url).
 * Knowing a visitor id is worthless without the token the server issued for it.
 */
export class VisitorTokenSigner {
	constructor(private readonly secret: string) {}

	sign(visitorId: string, websiteId: string, now = Date.now()): string {
		const payload = Buffer.from(JSON.stringify({ v: visitorId, w: websiteId, iat: now })).toString(
			"base64url",
		);
		return `${PREFIX}.${payload}.${this.mac(payload)}`;
	}

	/** Returns the claims of a genuine token, `null` for anything else. Never throws. */
	verify(token: string): VisitorTokenClaims | null {
		const [prefix, payload, mac, extra] = token.split(".");
		if (prefix !== PREFIX || !payload || !mac || extra !== undefined) return null;
		if (!safeEqual(mac, this.mac(payload))) return null;
		try {
			const parsed = payloadSchema.safeParse(
				JSON.parse(Buffer.from(payload, "base64url").toString()),
			);
			if (!parsed.success) return null;
			return { visitorId: parsed.data.v, websiteId: parsed.data.w, issuedAt: parsed.data.iat };
		} catch {
			return null;
		}
	}

	/** True when `token` looks like a visitor token (not necessarily valid). */
	static isVisitorToken(token: string): boolean {
		return token.startsWith(`${PREFIX}.`);
	}

	private mac(payload: string): string {
		return createHmac("sha256", this.secret).update(`${PREFIX}.${payload}`).digest("base64url");
	}
}
