/**
 * Whether an error means "the database is unreachable right now" (keep the command queued)
 * rather than "this command cannot be applied" (reject it).
 */
export function isRetryableDatabaseError(error: unknown): boolean {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === "object" && !seen.has(current)) {
		seen.add(current);
		const { code, message, kind } = current as {
			code?: unknown;
			message?: unknown;
			kind?: unknown;
		};
		if (typeof code === "string" && RETRYABLE_CODES.has(code)) return true;
		if (typeof message === "string" && RETRYABLE_MESSAGE.test(message)) return true;
		if (typeof kind === "string" && RETRYABLE_ADAPTER_KINDS.has(kind)) return true;
		// Prisma wraps driver adapter failures (e.g. P2010 of a raw query) as
		// `meta.driverAdapterError`, whose `cause.kind` says what happened.
		const { cause, meta } = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
		current = cause ?? meta?.driverAdapterError;
	}
	return false;
}

/** Prisma driver adapter error kinds that mean "the database cannot be reached right now". */
const RETRYABLE_ADAPTER_KINDS = new Set([
	"DatabaseNotReachable",
	"ConnectionClosed",
	"SocketTimeout",
	"TooManyConnections",
	"TransactionWriteConflict",
]);

const RETRYABLE_CODES = new Set([
	"ECONNREFUSED",
	"ECONNRESET",
	"ETIMEDOUT",
	"EPIPE",
	"57P01", // admin_shutdown
	"57P03", // cannot_connect_now
	"08000",
	"08003",
	"08006",
	"40001", // serialization_failure
	"40P01", // deadlock_detected
	"P1001", // Prisma: can't reach database server
	"P1017", // Prisma: server closed the connection
	"P2034", // Prisma: transaction conflict / deadlock, retry
	"P2028", // Prisma: transaction API error (e.g. timed out waiting for a connection)
]);

const RETRYABLE_MESSAGE =
	/ECONNREFUSED|Connection terminated|connection is closed|Server has closed the connection|Can't reach database|timeout exceeded when trying to connect/i;

/** A unique-constraint violation (Prisma P2002 / PostgreSQL 23505), anywhere in the cause chain. */
export function isUniqueViolation(error: unknown): boolean {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === "object" && !seen.has(current)) {
		seen.add(current);
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (code === "P2002" || code === "23505") return true;
		if (typeof message === "string" && /unique constraint/i.test(message)) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}
