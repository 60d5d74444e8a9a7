import type { MessagePart } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import type { BatchContext } from "../pipeline/batch-context.ts";
import { CommandRejection } from "../pipeline/command-rejection.ts";
import { uploadPath } from "../uploads/upload-service.ts";

/**
 * The upload ids a principal's parts reference, to preload with the batch. Only visitors'
 * attachments are checked against uploads (agents and backends are trusted), so only theirs
 * cost a lookup.
 */
export function attachmentUploadIds(
	principal: Principal,
	parts: readonly MessagePart[] | undefined,
): string[] {
	if (principal.kind !== "visitor" || !parts) return [];
	return parts.flatMap((part) => (part.type !== "text" && part.uploadId ? [part.uploadId] : []));
}

/**
 * A visitor's parts as they may be stored: each image or file part is the visitor's own upload
 * (see below, `invalid_attachment` otherwise), and its `name`, `mediaType` and `size` are
 * the upload's as the server recorded them, whatever the part claimed. The server sniffed the
 * bytes and cleaned the name (control and bidi characters) at upload time; a client that sent
 * `invoice.pdf`, `application/pdf` for an uploaded `.exe` would otherwise be believed by every
 * agent who sees the message. Agents' and backends' parts are returned as they are.
 *
 * Rejects (`invalid_attachment`) a visitor's image or file part that is not the visitor's own
 * upload for this website: the widget runs on public pages, so an arbitrary `url` would let a
 * visitor show agents an image from any host (a tracking pixel that reveals the agent's IP) or
 * pass off another website's file as its own. Agents and backends may link anything.
 *
 * A part must name its `uploadId`, and its `url` must be that upload's server path (clients
 * resolve it against their API URL to display it). The upload must:
 * - belong to the conversation's website;
 * - have been made by this same visitor: the widget uploads and sends as the same visitor, and
 *   an upload id seen elsewhere (e.g. in another visitor's conversation) must not be reposted
 *   as this visitor's own. Another device of the same contact uploads for itself;
 * - have been made for this conversation, or for none: the widget uploads without a
 *   conversation before the conversation it starts exists (`conversation.start`), and an
 *   upload made for one conversation is not moved into another.
 * Every refusal reads the same, so it does not reveal whether an id exists elsewhere.
 */
export function ownAttachments(
	ctx: BatchContext,
	principal: Principal,
	target: { websiteId: string; conversationId: string },
	parts: MessagePart[],
): MessagePart[] {
	if (principal.kind !== "visitor") return parts;
	return parts.map((part, index) => {
		if (part.type === "text") return part;
		const refuse = (why: string) =>
			new CommandRejection(
				"invalid_attachment",
				`parts.${index}: ${why} Attach files by uploading them first (POST /v1/uploads).`,
			);
		if (!part.uploadId) throw refuse("an attachment must carry the uploadId of its upload.");
		if (part.url !== uploadPath(part.uploadId)) {
			throw refuse(`the url of upload ${part.uploadId} must be ${uploadPath(part.uploadId)}.`);
		}
		const upload = ctx.upload(part.uploadId);
		const own =
			upload !== undefined &&
			upload.websiteId === target.websiteId &&
			upload.uploadedBy === `visitor:${principal.visitorId}` &&
			(upload.conversationId === null || upload.conversationId === target.conversationId);
		if (!own) throw refuse(`${part.uploadId} is not one of your uploads for this conversation.`);
		const recorded = { name: upload.fileName, mediaType: upload.mimeType, size: upload.size };
		if (part.type === "file") return { ...part, ...recorded };
		if (!upload.mimeType.startsWith("image/")) {
			throw refuse(
				`${part.uploadId} is not an image (${upload.mimeType}): send it as a file part.`,
			);
		}
		return { ...part, ...recorded };
	});
}
