import { describe, expect, it } from "vitest";
import {
	identitySignature,
	isValidIdentitySignature,
} from "../../sync-server/src/support/identity-signature.ts";
import { createIdentitySignature, signedValueOf } from "../src/server/identity-signature.ts";

// The Server Component's signature (Web Crypto) must be exactly what the sync-server verifies
// (node:crypto HMAC-SHA256 over the externalId, else the normalised email).
const SECRET = "identity-secret-0123456789abcdef0123456789";

describe("createIdentitySignature", () => {
	it("signs the externalId as the server does", async () => {
		const signature = await createIdentitySignature(
			{ externalId: "user_123", email: "jane@acme.com" },
			SECRET,
		);
		expect(signature).toBe(identitySignature(SECRET, "user_123"));
		expect(isValidIdentitySignature(SECRET, "user_123", signature)).toBe(true);
	});

	it("signs the trimmed, lower-cased email when there is no externalId", async () => {
		const signature = await createIdentitySignature({ email: "  Jane@ACME.com " }, SECRET);
		expect(signedValueOf({ email: "  Jane@ACME.com " })).toBe("jane@acme.com");
		expect(isValidIdentitySignature(SECRET, "jane@acme.com", signature)).toBe(true);
	});

	it("differs with another secret or another user", async () => {
		const signature = await createIdentitySignature({ externalId: "user_123" }, SECRET);
		expect(isValidIdentitySignature(`${SECRET}x`, "user_123", signature)).toBe(false);
		expect(isValidIdentitySignature(SECRET, "user_124", signature)).toBe(false);
	});

	it("refuses to sign without an identity or a secret", async () => {
		await expect(createIdentitySignature({}, SECRET)).rejects.toThrow(/externalId or an email/);
		await expect(createIdentitySignature({ externalId: "u" }, "")).rejects.toThrow(/secret/);
	});
});
