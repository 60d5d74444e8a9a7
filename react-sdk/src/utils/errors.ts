/** Any thrown value as an Error (the widget reports errors through the `error` event). */
export function toError(value: unknown): Error {
	return value instanceof Error ? value : new Error(String(value));
}
