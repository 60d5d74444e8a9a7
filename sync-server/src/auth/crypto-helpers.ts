import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** SHA-256 hex digest: how high-entropy secrets (API keys, session tokens) are stored. */
export function sha256Hex(value: string): string {
	return createHash("sha256").update(value).digest("hex");
}

/** A random URL-safe string with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString("base64url");
}

/** Constant-time comparison of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}
