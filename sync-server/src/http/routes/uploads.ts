import { pipeline } from "node:stream/promises";
import { HEADERS } from "@cossistant/types";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import { TokenBucketLimiter } from "../../limits/token-bucket.ts";
import type { Logger } from "../../logger.ts";
import type { Database } from "../../persistence/database.ts";
import { parseFileName } from "../../uploads/file-name.ts";
import { uploadHeaders } from "../../uploads/serving-headers.ts";
import { UploadQuota } from "../../uploads/upload-quota.ts";
import { UploadService } from "../../uploads/upload-service.ts";
import { UploadStore } from "../../uploads/upload-store.ts";
import type { Uploader, UploadTarget } from "../../uploads/upload-target.ts";
import { rateLimited } from "../rate-limit.ts";
import { requireAgent } from "../request-auth.ts";
import { requireVisitorRequest } from "../visitor-request.ts";

/** Upload settings (from `UPLOAD_DIR`, `UPLOAD_MAX_BYTES`, `UPLOAD_RATE_LIMIT`). */
export interface UploadsConfig {
	/** Directory the files are stored in. */
	dir: string;
	/** Largest accepted file in bytes; larger bodies get 413 `payload_too_large`. */
	maxBytes: number;
	/** Uploads per minute per visitor or agent (token bucket). */
	perMinute: number;
	/** Bytes per visitor within 24 hours (`UPLOAD_VISITOR_DAILY_BYTES`); 0 = no quota. */
	visitorDailyBytes?: number;
	/** Bytes per website within 24 hours (`UPLOAD_WEBSITE_DAILY_BYTES`); 0 = no quota. */
	websiteDailyBytes?: number;
}

/** What the checks before the body leave for the handler. */
interface UploadLocals {
	uploader: Uploader;
	target: UploadTarget;
}

/**
 * Uploads:
 * - `POST /v1/uploads` (visitor: public key + visitor token; or agent session): the raw bytes as
 *   the body, `Content-Type` and a URL-encoded `X-File-Name`, optional `?conversationId=` (agents
 *   of several websites: or `?websiteId=`). Answers 201 with `UploadResponse`.
 * - `GET /v1/uploads/:id`: the bytes with safe headers; the id is the capability.
 *
 * Credentials, the blocked flag, the per-uploader limit and the conversation are all checked
 * before the body is read, so a refused client never costs the server 10 MiB of buffering.
 */
export function uploadsRouter(
	db: Database,
	auth: Authenticator,
	config: UploadsConfig,
	logger: Logger,
): Router {
	const quota = new UploadQuota(db, {
		visitorDailyBytes: config.visitorDailyBytes ?? 0,
		websiteDailyBytes: config.websiteDailyBytes ?? 0,
	});
	const service = new UploadService(db, new UploadStore(config.dir), logger, quota);
	const limiter = new TokenBucketLimiter(config.perMinute, 60_000);
	const router = Router();

	const admit: RequestHandler = async (req, res, next) => {
		const uploader = await authenticate(auth, req);
		const key =
			uploader.kind === "visitor" ? `visitor:${uploader.visitorId}` : `user:${uploader.userId}`;
		const decision = limiter.take(key);
		if (!decision.allowed) throw rateLimited(res, decision.retryAfterMs, "Too many uploads.");
		const target = await service.resolveTarget(uploader, {
			conversationId: queryString(req, "conversationId"),
			websiteId: queryString(req, "websiteId"),
		});
		// A visitor over its daily quota is refused before its body is buffered.
		await quota.precheck(uploader, target, Number(req.headers["content-length"] ?? 0) || 0);
		res.locals.upload = { uploader, target } satisfies UploadLocals;
		next();
	};

	router.post("/uploads", admit, rawBody(config.maxBytes), async (req, res) => {
		const { uploader, target } = res.locals.upload as UploadLocals;
		// A JSON body was already consumed by the API's JSON parser: it is not a file we accept.
		if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
			throw new ApiError(415, "unsupported_media_type", "JSON bodies are not files.");
		}
		const bytes: Buffer = req.body ?? Buffer.alloc(0);
		const body = await service.create(uploader, target, {
			bytes,
			declaredType: req.headers["content-type"],
			fileName: parseFileName(req.header(HEADERS.fileName)),
		});
		res.status(201).setHeader("Location", body.url).json(body);
	});

	router.get("/uploads/:id", async (req, res) => {
		const id = req.params.id ?? "";
		const upload = await service.find(id);
		const stream = upload ? await service.store.open(upload.storageKey) : null;
		if (!upload || !stream) {
			if (upload) logger.warn({ id }, "upload row without its file");
			throw new ApiError(404, "not_found", "No such upload.");
		}
		res.set(uploadHeaders(upload));
		if (req.method === "HEAD" || req.headers["if-none-match"] === `"${upload.id}"`) {
			stream.destroy();
			if (req.method !== "HEAD") res.status(304);
			res.end();
			return;
		}
		await send(stream, res);
	});

	return router;
}

/** A visitor (public key + token) or an agent (session); 401 when neither is presented. */
async function authenticate(auth: Authenticator, req: Request): Promise<Uploader> {
	if (req.header(HEADERS.publicKey) !== undefined || req.header(HEADERS.visitorToken)) {
		return requireVisitorRequest(auth, req);
	}
	if (req.headers.authorization) return requireAgent(auth, req);
	throw new ApiError(
		401,
		"unauthorized",
		"Send X-Public-Key with X-Visitor-Token (widgets) or Authorization: Bearer <session> (agents).",
	);
}

/**
 * The body as raw bytes, whatever its type (the bytes are checked, not the header), up to
 * `maxBytes`. Compressed bodies are refused rather than inflated (no decompression bombs).
 */
function rawBody(maxBytes: number): RequestHandler {
	const parse = express.raw({ type: () => true, limit: maxBytes, inflate: false });
	return (req, res, next) =>
		parse(req, res, (error?: unknown) => {
			if ((error as { type?: string } | undefined)?.type === "entity.too.large") {
				next(
					new ApiError(413, "payload_too_large", `Files are limited to ${maxBytes} bytes.`, {
						maxBytes,
					}),
				);
				return;
			}
			next(error);
		});
}

/** Streams a stored file; a client that goes away mid-download just ends the response. */
async function send(stream: NodeJS.ReadableStream, res: Response): Promise<void> {
	try {
		await pipeline(stream, res);
	} catch {
		// Headers are sent: the error handler could not answer anyway. Closing is all that is left.
		res.destroy();
	}
}

function queryString(req: Request, name: string): string | undefined {
	const value = req.query[name];
	if (value === undefined) return undefined;
	if (typeof value !== "string")
		throw new ApiError(400, "bad_request", `${name} must be one value.`);
	return value;
}
