/**
 * Names of the Yjs documents and of the shared types inside them (docs/architecture.md,
 * "Documents and who writes them").
 */
export const DocumentNames = {
	/** Public timeline + meta + seen of one conversation. Server-written. */
	conversation: (conversationId: string) => `conv/${conversationId}`,
	/** Internal notes of one conversation. Server-written, agents only. */
	conversationPrivate: (conversationId: string) => `conv/${conversationId}/private`,
	/** What the server tells one visitor. Server-written. */
	visitor: (visitorId: string) => `visitor/${visitorId}`,
	/** Conversation summaries of a website's inbox. Server-written, agents only. */
	inbox: (websiteId: string) => `inbox/${websiteId}`,
	/** A principal's commands (client-written) and their results (server-written). */
	outbox: (principal: PrincipalKey) => `outbox/${principal}`,
} as const;

/** `visitor:<id>` or `user:<id>`: who writes an outbox. */
export type PrincipalKey = `visitor:${string}` | `user:${string}`;

export type ParsedDocumentName =
	| { kind: "conversation"; conversationId: string }
	| { kind: "conversationPrivate"; conversationId: string }
	| { kind: "visitor"; visitorId: string }
	| { kind: "inbox"; websiteId: string }
	| { kind: "outbox"; principal: PrincipalKey };

const SEGMENT = "[A-Za-z0-9_-]{1,64}";
// Marked pure: a bundle that never parses document names (the widget's) drops the patterns.
const patterns: Array<[RegExp, (m: RegExpExecArray) => ParsedDocumentName]> = [
	[
		/* @__PURE__ */ new RegExp(`^conv/(${SEGMENT})$`),
		(m) => ({ kind: "conversation", conversationId: m[1] ?? "" }),
	],
	[
		/* @__PURE__ */ new RegExp(`^conv/(${SEGMENT})/private$`),
		(m) => ({ kind: "conversationPrivate", conversationId: m[1] ?? "" }),
	],
	[
		/* @__PURE__ */ new RegExp(`^visitor/(${SEGMENT})$`),
		(m) => ({ kind: "visitor", visitorId: m[1] ?? "" }),
	],
	[
		/* @__PURE__ */ new RegExp(`^inbox/(${SEGMENT})$`),
		(m) => ({ kind: "inbox", websiteId: m[1] ?? "" }),
	],
	[
		/* @__PURE__ */ new RegExp(`^outbox/((?:visitor|user):${SEGMENT})$`),
		(m) => ({ kind: "outbox", principal: (m[1] ?? "") as PrincipalKey }),
	],
];

/** Parses a document name; `null` for anything that is not one of ours. */
export function parseDocumentName(name: string): ParsedDocumentName | null {
	for (const [pattern, build] of patterns) {
		const match = pattern.exec(name);
		if (match) return build(match);
	}
	return null;
}

/**
 * Whether a name built by `DocumentNames` is an outbox's. For clients, which only open names
 * they built: no `parseDocumentName` (its patterns) in the widget; servers parse and check.
 */
export function isOutboxName(name: string): boolean {
	return name.startsWith("outbox/");
}

/** Keys of the shared types inside a conversation document. */
export const CONVERSATION_DOC_KEYS = {
	/** Y.Array of TimelineItem JSON, ordered by seq. */
	timeline: "timeline",
	/** Y.Map of conversation fields (status, priority, tags, …). */
	meta: "meta",
	/** Y.Map participant key → ISO time last seen. */
	seen: "seen",
} as const;

/** Keys of the shared types inside a visitor document. */
export const VISITOR_DOC_KEYS = {
	/** Y.Map conversation id → Conversation summary. */
	conversations: "conversations",
	/** Y.Map with the visitor's public profile and support state. */
	profile: "profile",
} as const;

/** Keys of the shared types inside an inbox document. */
export const INBOX_DOC_KEYS = {
	/** Y.Map conversation id → Conversation summary. */
	conversations: "conversations",
} as const;
