/**
 * A new UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids created offline
 * never collide and sort roughly by creation time. Written here rather than imported (the
 * `uuidv7` package is ~1.7 KB gzipped of the widget's 70 KB budget) because the client needs
 * nothing but generation: no parsing, no monotonic counter (the server orders items by `seq`).
 */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let timestamp = Date.now();
	for (let index = 5; index >= 0; index--) {
		bytes[index] = timestamp % 256;
		timestamp = Math.floor(timestamp / 256);
	}
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx
	const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
