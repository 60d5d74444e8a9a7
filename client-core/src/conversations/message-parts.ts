import type { MessagePart } from "@cossistant/types";
import { CossistantConfigurationError } from "../errors.ts";

/** What callers pass as a message: text, or parts (text, images, files). */
export type MessageInput = string | MessagePart[];

/** Whether a message has something to send: non-blank text or at least one part. */
export function hasContent(message: MessageInput | undefined): message is MessageInput {
	if (message === undefined) return false;
	return typeof message === "string" ? message.trim() !== "" : message.length > 0;
}

/**
 * The parts a message command carries: text becomes one text part, parts are kept as they are.
 * Blank text or no parts throws a CossistantConfigurationError (`invalid_usage`): sending
 * nothing is a mistake of the caller, better reported where it is made than as a command the
 * server refuses later. Callers for whom a message is optional check {@link hasContent} first.
 */
export function toParts(message: MessageInput): MessagePart[] {
	if (!hasContent(message))
		throw new CossistantConfigurationError("A message needs text or parts.");
	return typeof message === "string" ? [{ type: "text", text: message }] : message;
}
