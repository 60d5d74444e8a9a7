/** What a client publishes in awareness while its user types (never persisted). */
export interface TypingState {
	/** `visitor:<id>` / `user:<id>`; the server checks it matches the connection. */
	principal: string;
	/** Display name for agents ("Sarah is typing…"); visitors leave it out. */
	name?: string;
	/** Client time of the last keystroke. */
	at: number;
}

/** Someone typing, as the UI shows it. */
export interface Typer {
	principal: string;
	name: string | null;
}

/** Typing expires when no keystroke was reported for this long. */
export const TYPING_TTL_MS = 6_000;

/**
 * The others currently typing, from awareness states: entries older than the TTL are
 * ignored (a tab closed mid-sentence must not type forever).
 */
export function activeTypers(
	states: Iterable<Record<string, unknown>>,
	self: string,
	now: number,
): Typer[] {
	const typers = new Map<string, Typer>();
	for (const state of states) {
		const typing = state.typing as Partial<TypingState> | undefined;
		if (!typing || typeof typing.principal !== "string" || typeof typing.at !== "number") continue;
		if (typing.principal === self || now - typing.at > TYPING_TTL_MS) continue;
		typers.set(typing.principal, {
			principal: typing.principal,
			name: typeof typing.name === "string" ? typing.name.slice(0, 100) : null,
		});
	}
	return [...typers.values()];
}
