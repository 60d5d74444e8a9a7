import { createHmac } from "node:crypto";
import { safeEqual } from "../auth/crypto-helpers.ts";

/**
 * The identity-verification signature of `identify()`: HMAC-SHA256 (hex) of the external id,
 * keyed with the website's identity secret. The host's server computes it (the secret never
 * reaches a browser); an identify with an email only signs the email instead.
 */
export function identitySignature(identitySecret: string, signedValue: string): string {
	return createHmac("sha256", identitySecret).update(signedValue).digest("hex");
}

/** Constant-time check of a hex signature (case-insensitive) against the expected one. */
export function isValidIdentitySignature(
	identitySecret: string,
	signedValue: string,
	signature: string,
): boolean {
	return safeEqual(identitySignature(identitySecret, signedValue), signature.toLowerCase());
}
