import type { CommandRejectionCode } from "@cossistant/types";

/** Thrown by a handler's check phase: the command is refused with a stable code and reason. */
export class CommandRejection extends Error {
	override name = "CommandRejection";

	constructor(
		readonly code: CommandRejectionCode,
		message: string,
		/** true when the same command may succeed later (nothing is written to the ledger). */
		readonly retryable = false,
	) {
		super(message);
	}
}
