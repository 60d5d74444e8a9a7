import type { UploadResponse } from "@cossistant/types";
import type { UserPrincipal, VisitorPrincipal } from "../auth/principal.ts";
import { ApiError } from "../errors/api-error.ts";
import type { Upload } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import { checkUpload, type UploadCandidate } from "./upload-policy.ts";
import type { UploadQuota } from "./upload-quota.ts";
import { UploadStore } from "./upload-store.ts";
import type { Uploader, UploadTarget } from "./upload-target.ts";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Uploads: who may store a file where, and storing it (bytes on disk, then the `Upload` row).
 * The id is a random 128-bit capability: `GET /v1/uploads/<id>` needs nothing else, because an
 * `<img>` tag cannot send a token, and an unguessable id is as strong as one.
 */
export class UploadService {
	constructor(
		private readonly db: Database,
		readonly store: UploadStore,
		private readonly logger: Logger,
		/** Daily quotas (none when absent). */
		readonly quota?: UploadQuota,
	) {}

	/**
	 * Checks that the uploader may store a file for `conversationId` (or, for agents, `websiteId`)
	 * before a single byte of the body is read. A conversation the uploader cannot access is a
	 * 404, as everywhere else, so its existence is not revealed. A blocked visitor is refused.
	 */
	async resolveTarget(
		uploader: Uploader,
		query: { conversationId?: string; websiteId?: string },
	): Promise<UploadTarget> {
		if (uploader.kind === "visitor") await this.requireActiveVisitor(uploader);
		if (query.conversationId !== undefined) {
			return {
				websiteId: await this.conversationWebsite(uploader, query.conversationId),
				conversationId: query.conversationId,
			};
		}
		if (uploader.kind === "visitor") return { websiteId: uploader.websiteId, conversationId: null };
		return { websiteId: agentWebsite(uploader, query.websiteId), conversationId: null };
	}

	/**
	 * Checks the bytes against the allowlist (415 otherwise), writes the file, then records the
	 * row. The file goes first: a crash between the two leaves an orphan file, never a row that
	 * points at nothing; a failed insert removes the file again.
	 */
	async create(
		uploader: Uploader,
		target: UploadTarget,
		candidate: UploadCandidate,
	): Promise<UploadResponse> {
		const accepted = checkUpload(candidate);
		// Reserved before anything is written, released once the row (which the quota sums) is.
		const reservation = await this.quota?.reserve(uploader, target, candidate.bytes.length);
		try {
			return await this.write(uploader, target, candidate, accepted);
		} finally {
			reservation?.release();
		}
	}

	private async write(
		uploader: Uploader,
		target: UploadTarget,
		candidate: UploadCandidate,
		accepted: ReturnType<typeof checkUpload>,
	): Promise<UploadResponse> {
		const id = UploadStore.newId();
		const storageKey = await this.store.put(id, candidate.bytes);
		try {
			await this.db.prisma.upload.create({
				data: {
					id,
					websiteId: target.websiteId,
					conversationId: target.conversationId,
					uploadedBy:
						uploader.kind === "visitor"
							? `visitor:${uploader.visitorId}`
							: `user:${uploader.userId}`,
					fileName: accepted.fileName,
					mimeType: accepted.mediaType,
					size: candidate.bytes.length,
					storageKey,
				},
			});
		} catch (error) {
			await this.store
				.delete(storageKey)
				.catch((cleanup) => this.logger.warn({ err: cleanup, id }, "orphan upload not removed"));
			throw error;
		}
		return {
			id,
			url: uploadPath(id),
			mediaType: accepted.mediaType,
			fileName: accepted.fileName,
			size: candidate.bytes.length,
			...(accepted.width ? { width: accepted.width, height: accepted.height } : {}),
		};
	}

	/** The upload with this id, or `null` (malformed ids included: they cannot exist). */
	async find(id: string): Promise<Upload | null> {
		if (!ID_PATTERN.test(id)) return null;
		return this.db.prisma.upload.findUnique({ where: { id } });
	}

	private async requireActiveVisitor(visitor: VisitorPrincipal): Promise<void> {
		const row = await this.db.prisma.visitor.findUnique({
			where: { id: visitor.visitorId },
			select: { isBlocked: true },
		});
		if (!row) throw new ApiError(401, "unauthorized", "Unknown visitor.");
		if (row.isBlocked) {
			throw new ApiError(403, "visitor_blocked", "This visitor has been blocked from support.");
		}
	}

	/** The website of a conversation the uploader may access; 404 for any other. */
	private async conversationWebsite(uploader: Uploader, conversationId: string): Promise<string> {
		const notFound = new ApiError(
			404,
			"not_found",
			`Conversation ${conversationId} does not exist.`,
		);
		if (!ID_PATTERN.test(conversationId)) throw notFound;
		const conversation = await this.db.prisma.conversation.findUnique({
			where: { id: conversationId },
			select: { websiteId: true, visitorId: true, contactId: true },
		});
		if (!conversation) throw notFound;
		if (uploader.kind === "user") {
			if (!uploader.websiteIds.has(conversation.websiteId)) throw notFound;
			return conversation.websiteId;
		}
		if (conversation.websiteId !== uploader.websiteId) throw notFound;
		if (conversation.visitorId === uploader.visitorId) return conversation.websiteId;
		if (conversation.contactId) {
			// A contact's conversations are shared by all of its visitors (devices).
			const visitor = await this.db.prisma.visitor.findUnique({
				where: { id: uploader.visitorId },
				select: { contactId: true },
			});
			if (visitor?.contactId === conversation.contactId) return conversation.websiteId;
		}
		throw notFound;
	}
}

/** The server path an upload is served at (valid as a message part's `url`). */
export function uploadPath(id: string): string {
	return `/v1/uploads/${id}`;
}

/** An agent's upload without a conversation belongs to `websiteId`, or to its only website. */
function agentWebsite(agent: UserPrincipal, websiteId: string | undefined): string {
	if (websiteId !== undefined) {
		if (!agent.websiteIds.has(websiteId)) {
			throw new ApiError(404, "not_found", "Website not found.");
		}
		return websiteId;
	}
	const [only, ...others] = agent.websiteIds;
	if (!only) throw new ApiError(403, "forbidden", "You are not an agent of any website.");
	if (others.length > 0) {
		throw new ApiError(
			400,
			"bad_request",
			"You belong to several websites: pass ?conversationId= or ?websiteId=.",
		);
	}
	return only;
}
