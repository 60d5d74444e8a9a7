/** Exit codes of `cossistant-server`, stable for scripts and service managers. */
export const EXIT_CODES = {
	ok: 0,
	/** The command ran and failed: database unreachable, no such website, a migration refused… */
	failure: 1,
	/** Bad arguments: unknown command or option, missing or invalid value. */
	usage: 2,
	/** Invalid environment (a variable the server reads has a wrong value): sysexits' EX_CONFIG. */
	config: 78,
} as const;

/** Bad command-line arguments; the message names the argument and what it must be. */
export class UsageError extends Error {
	override name = "UsageError";
}

/** A command that could not do what was asked (the reason is for the operator, no stack). */
export class CommandError extends Error {
	override name = "CommandError";
}
