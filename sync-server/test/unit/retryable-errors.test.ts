import { describe, expect, it } from "vitest";
import { isRetryableDatabaseError } from "../../src/errors/retryable-errors.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";

/** The error Prisma 7 throws when a raw query's connection drops (seen in the chaos suite). */
function rawQueryFailure(kind: string, message: string) {
	return new Prisma.PrismaClientKnownRequestError(
		`\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`N/A\`. Message: \`${message}\``,
		{
			code: "P2010",
			clientVersion: "7.10.1",
			meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind } } },
		},
	);
}

// Found by chaos/postgres-outage.chaos.ts: a batch whose raw query lost its connection (P2010,
// driver adapter kind ConnectionClosed) was taken for a bad command, so commands got a
// per-command `internal_error` (which clients give up on after a few retries) instead of
// waiting in the queue for the database.
describe("isRetryableDatabaseError", () => {
	it("treats a raw query whose connection closed as the database being away", () => {
		expect(
			isRetryableDatabaseError(
				rawQueryFailure("ConnectionClosed", "Server has closed the connection."),
			),
		).toBe(true);
		expect(isRetryableDatabaseError(rawQueryFailure("DatabaseNotReachable", "unreachable"))).toBe(
			true,
		);
	});

	it("does not retry what a command itself caused", () => {
		expect(
			isRetryableDatabaseError(rawQueryFailure("UniqueConstraintViolation", "duplicate key")),
		).toBe(false);
		expect(isRetryableDatabaseError(new Error("Cannot read properties of undefined"))).toBe(false);
	});
});
