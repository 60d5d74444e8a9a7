import * as v from "valibot";

/** Stable codes of a rejected command, so clients can decide retry vs. discard. */
export const COMMAND_REJECTION_CODES = [
	"invalid_command",
	"unknown_command",
	"command_too_large",
	"forbidden",
	"not_found",
	"conflict",
	/** A visitor's image / file part that is not its own upload for the conversation's website. */
	"invalid_attachment",
	"visitor_blocked",
	"identity_verification_failed",
	"outbox_full",
	"rate_limited",
	"internal_error",
] as const;

export const commandRejectionCodeSchema = v.picklist(COMMAND_REJECTION_CODES);
export type CommandRejectionCode = v.InferOutput<typeof commandRejectionCodeSchema>;

/** What the server writes under a command's id in the outbox `results` map. */
export const commandResultSchema = v.variant("status", [
	v.object({ status: v.literal("applied"), at: v.number() }),
	v.object({
		status: v.literal("rejected"),
		at: v.number(),
		code: commandRejectionCodeSchema,
		reason: v.string(),
		/** true when sending the same command again later may succeed. */
		retryable: v.boolean(),
	}),
]);

export type CommandResult = v.InferOutput<typeof commandResultSchema>;

/** Names of the shared types inside an outbox document. */
export const OUTBOX_KEYS = {
	/** Y.Array of command objects, appended by the client. */
	commands: "commands",
	/** Y.Map command id → CommandResult, written by the server. */
	results: "results",
} as const;
