import * as v from "valibot";

/**
 * Validation helpers shared by the settings and contact panels. They take the wire schemas of
 * `@cossistant/types`, so answers and form input are checked with the very schemas the server
 * parses with.
 */

/** Any valibot schema whose output is `T`. */
export type SchemaOf<T> = v.GenericSchema<unknown, T>;

/** A REST answer that does not have the documented shape (an outdated server, a proxy page). */
export class UnexpectedAnswerError extends Error {
	override name = "UnexpectedAnswerError";
}

/** `value` checked against `schema`; throws {@link UnexpectedAnswerError} when it does not fit. */
export function expectAnswer<T>(schema: SchemaOf<T>, value: unknown, what: string): T {
	const parsed = v.safeParse(schema, value);
	if (parsed.success) return parsed.output;
	const first = parsed.issues[0];
	const path = first ? v.getDotPath(first) : null;
	const where = path ? ` at ${path}` : "";
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
	schema: SchemaOf<T>,
	value: unknown,
	labels: Record<string, string> = {},
): InputCheck<T> {
	const parsed = v.safeParse(schema, value);
	if (parsed.success) return { ok: true, value: parsed.output };
	const fields: Record<string, string> = {};
	const lines: string[] = [];
	for (const issue of parsed.issues) {
		const first = issue.path?.[0]?.key;
		const key = first === undefined ? "" : String(first);
		if (fields[key] !== undefined) continue;
		fields[key] = issue.message;
		const label = labels[key] ?? key;
		lines.push(label ? `${label}: ${issue.message}` : issue.message);
	}
	return { ok: false, message: lines.join(" · "), fields };
}
