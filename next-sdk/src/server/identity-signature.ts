/** What an identify signature covers: the external id, or the email when there is none. */
export interface SignedIdentity {
	externalId?: string | undefined;
	email?: string | undefined;
}

/**
 * The value the sync-server verifies: the external id when there is one, otherwise the email
 * trimmed and lower-cased (as the server normalises it). `undefined` when neither is present.
 */
export function signedValueOf(identity: SignedIdentity): string | undefined {
	if (identity.externalId !== undefined) return identity.externalId;
	return identity.email?.trim().toLowerCase();
}

/**
 * The identity-verification signature of `identify()`: the hex HMAC-SHA256 of the external id
 * (or of the email when there is none), keyed with the website's identity secret. Web Crypto, so
 * it runs on Node.js and on the Edge runtime alike.
 */
export async function createIdentitySignature(
	identity: SignedIdentity,
	identitySecret: string,
): Promise<string> {
	const value = signedValueOf(identity);
	if (value === undefined) throw new TypeError("identify needs an externalId or an email to sign");
	if (!identitySecret) throw new TypeError("the identity secret is empty");
	const encoder = new TextEncoder();
	const key = await crypto.subtle.importKey(
		"raw",
		encoder.encode(identitySecret),
		{ name: "HMAC", hash: "SHA-256" },
		false,
		["sign"],
	);
	const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
	return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
