import { DocumentNames } from "@cossistant/types";
import type { CossistantClient } from "../client.ts";
import { DocPreloads } from "./doc-preloads.ts";

/**
 * Starts loading a conversation's cached copy now, with the stored visitor's (which says the
 * conversation exists), for a page that knows which conversation it will show before
 * `client.fetchWebsite()` resolves (e.g. from its URL): reading and decoding a large copy then
 * overlaps the bootstrap instead of following it. `client.conversation(id)` takes the copy over;
 * nothing else changes (the view opens it once the conversation is known to exist, as always).
 * A no-op without a stored visitor (nothing of theirs can be cached), once the conversation is
 * open, or after `client.destroy()`.
 *
 * A function of its own rather than a client method so that hosts which never preload (the
 * widget) do not ship it.
 *
 * @example
 * const client = new CossistantClient({ publicKey: "pk_test_…" });
 * preloadConversation(client, conversationIdFromUrl);
 * await client.fetchWebsite();
 * const view = client.conversation(conversationIdFromUrl);
 */
export function preloadConversation(client: CossistantClient, conversationId: string): void {
	const target = client.preloadTarget(conversationId);
	if (!target) return;
	client.preloads ??= new DocPreloads(target.cache);
	if (!target.connected) client.preloads.preloadVisitor(DocumentNames.visitor(target.visitorId));
	client.preloads.preload(DocumentNames.conversation(conversationId));
}
