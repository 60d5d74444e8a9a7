import { type ParsedDocumentName, parseDocumentName } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import { principalKey } from "../auth/principal.ts";
import type { Database } from "../persistence/database.ts";

/** Why a document was refused (sent to the provider as the permission-denied reason). */
export class DocumentAccessDenied extends Error {
	override name = "DocumentAccessDenied";
	/** Hocuspocus sends `reason` to the provider's onAuthenticationFailed. */
	readonly reason: string;

	constructor(code: "forbidden" | "not_found" | "visitor_blocked", message: string) {
		super(message);
		this.reason = code;
	}
}

/**
 * Decides whether `principal` may open `documentName`, and whether read-only.
 * Only outbox documents are ever writable (by their own principal): shared documents are
 * written by the server alone (docs/architecture.md).
 */
export async function authorizeDocument(
	db: Database,
	principal: Principal,
	documentName: string,
): Promise<{ readOnly: boolean; parsed: ParsedDocumentName }> {
	const parsed = parseDocumentName(documentName);
	if (!parsed) throw new DocumentAccessDenied("not_found", `Unknown document ${documentName}.`);
	const deny = () => {
		throw new DocumentAccessDenied("forbidden", `Access to ${documentName} is not allowed.`);
	};
	// Backends (private keys) use REST only; they never hold a WebSocket principal.
	if (principal.kind === "backend") return deny();
	if (principal.kind === "visitor") {
		// Checked on every document, not once per socket: a block decided by another process (or
		// after this socket authenticated) refuses the next document at once.
		const visitor = await db.prisma.visitor.findUnique({
			where: { id: principal.visitorId },
			select: { isBlocked: true },
		});
		if (visitor?.isBlocked) {
			throw new DocumentAccessDenied(
				"visitor_blocked",
				"This visitor has been blocked from support.",
			);
		}
	}
	switch (parsed.kind) {
		case "outbox":
			if (parsed.principal !== principalKey(principal)) deny();
			return { readOnly: false, parsed };
		case "inbox":
			if (principal.kind !== "user" || !principal.websiteIds.has(parsed.websiteId)) deny();
			return { readOnly: true, parsed };
		case "visitor": {
			if (principal.kind === "visitor") {
				if (parsed.visitorId !== principal.visitorId) deny();
				return { readOnly: true, parsed };
			}
			const visitor = await db.prisma.visitor.findUnique({
				where: { id: parsed.visitorId },
				select: { websiteId: true },
			});
			if (!visitor || !principal.websiteIds.has(visitor.websiteId)) deny();
			return { readOnly: true, parsed };
		}
		case "conversationPrivate":
		case "conversation": {
			if (parsed.kind === "conversationPrivate" && principal.kind !== "user") deny();
			const conversation = await db.prisma.conversation.findUnique({
				where: { id: parsed.conversationId },
				select: { websiteId: true, visitorId: true, contactId: true },
			});
			if (!conversation) deny();
			const found = conversation as NonNullable<typeof conversation>;
			if (principal.kind === "user") {
				if (!principal.websiteIds.has(found.websiteId)) deny();
				return { readOnly: true, parsed };
			}
			if (found.visitorId === principal.visitorId) return { readOnly: true, parsed };
			if (found.contactId) {
				const visitor = await db.prisma.visitor.findUnique({
					where: { id: principal.visitorId },
					select: { contactId: true },
				});
				if (visitor?.contactId === found.contactId) return { readOnly: true, parsed };
			}
			return deny();
		}
	}
}
