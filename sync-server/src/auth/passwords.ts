import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(password, salt, KEY_LENGTH, options, (error, key) =>
			error ? reject(error) : resolve(key),
		);
	});
}

/** Hashes a password with scrypt: `scrypt$N$r$p$salt$hash` (parameters travel with the hash). */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(password, salt, PARAMS);
	return [
		"scrypt",
		PARAMS.N,
		PARAMS.r,
		PARAMS.p,
		salt.toString("base64"),
		key.toString("base64"),
	].join("$");
}

/** Verifies a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [algorithm, n, r, p, salt, hash] = stored.split("$");
	if (algorithm !== "scrypt" || !salt || !hash) return false;
	const expected = Buffer.from(hash, "base64");
	const key = await scryptAsync(password, Buffer.from(salt, "base64"), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}
