/**
 * Validation helpers shared by the settings and contact panels. They take any zod schema
 * (classic or `zod/mini`: both have `safeParse`), so answers and form input are checked with
 * the very schemas the server parses with.
 */

/** The part of a zod schema these helpers use. */
export interface SafeParser<T> {
	safeParse(value: unknown):
		| { success: true; data: T }
		| {
				success: false;
				error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
		  };
}

/** A REST answer that does not have the documented shape (an outdated server, a proxy page). */
export class UnexpectedAnswerError extends Error {
	override name = "UnexpectedAnswerError";
}

/** `value` checked against `schema`; throws {@link UnexpectedAnswerError} when it does not fit. */
export function expectAnswer<T>(schema: SafeParser<T>, value: unknown, what: string): T {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const first = parsed.error.issues[0];
	const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
	throw new UnexpectedAnswerError(
		`The server's answer for ${what} was not understood${where}: ${first?.message ?? "invalid"}.`,
	);
}

/** The outcome of checking form input: the parsed value, or one readable message per field. */
export type InputCheck<T> =
	| { ok: true; value: T }
	| { ok: false; message: string; fields: Record<string, string> };

/** Checks form input before it is sent; `labels` names fields as the form shows them. */
export function checkInput<T>(
	schema: SafeParser<T>,
	value: unknown,
	labels: Record<string, string> = {},
): InputCheck<T> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return { ok: true, value: parsed.data };
	const fields: Record<string, string> = {};
	const lines: string[] = [];
	for (const issue of parsed.error.issues) {
		const key = issue.path.length > 0 ? String(issue.path[0]) : "";
		if (fields[key] !== undefined) continue;
		fields[key] = issue.message;
		const label = labels[key] ?? key;
		lines.push(label ? `${label}: ${issue.message}` : issue.message);
	}
	return { ok: false, message: lines.join(" · "), fields };
}
