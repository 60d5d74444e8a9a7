import {
	type FilePart,
	HEADERS,
	type ImagePart,
	messagePartSchema,
	type UploadResponse,
	uploadResponseSchema,
} from "@cossistant/types";
import * as v from "valibot";
import { CossistantApiError } from "../errors.ts";
import { decodeResponse } from "../http/decode-response.ts";
import { sendUpload, type UploadProgress } from "./upload-transport.ts";

/** A message part made from an upload: `image` for images, `file` for everything else. */
export type UploadedPart = ImagePart | FilePart;

/** Options of `client.uploadFile(file, options)`. */
export interface UploadFileOptions {
	/** The conversation the file is for (it must already exist on the server). */
	conversationId?: string;
	/** Called as bytes go out (browsers: continuously; elsewhere: at the start and the end). */
	onProgress?: (progress: UploadProgress) => void;
	/** The name to send for a `Blob` (a `File` carries its own); it becomes the part's `name`. */
	name?: string;
	/** Cancels the upload; the promise then rejects with the signal's reason. */
	signal?: AbortSignal;
}

/** Where and as whom to upload. */
export interface UploadContext {
	/** REST base, e.g. `https://api.example.com/v1`. */
	apiUrl: string;
	/** The credential headers (public key + visitor token, or an agent session), read per upload. */
	credentials: () => Promise<Record<string, string>>;
	fetch?: typeof fetch;
}

/**
 * Uploads `file` (`POST /v1/uploads`: the raw bytes, its type and URL-encoded name in headers)
 * and resolves with a message part ready for `sendMessage(conversationId, [textPart, part])`.
 * The server checks the bytes, not the name: a refused file rejects with a CossistantApiError
 * carrying the server's code (`unsupported_media_type`, `payload_too_large`, …).
 *
 * The part's `url` is the upload's server path (`/v1/uploads/<id>`) with its `uploadId`: the
 * server accepts a visitor's attachment only in that form (an arbitrary URL could be a tracking
 * pixel shown to agents). Conversation views resolve it against the API URL to display it
 * (`serverUrl`).
 *
 * @example
 * const part = await client.uploadFile(input.files[0], { conversationId, onProgress });
 * await client.sendMessage(conversationId, [{ type: "text", text: "Screenshot" }, part]);
 */
export async function uploadFile(
	context: UploadContext,
	file: Blob,
	options: UploadFileOptions = {},
): Promise<UploadedPart> {
	const base = context.apiUrl.replace(/\/+$/, "");
	const query = options.conversationId
		? `?conversationId=${encodeURIComponent(options.conversationId)}`
		: "";
	const fileName = options.name ?? (file as Partial<File>).name ?? "";
	const headers: Record<string, string> = {
		...(await context.credentials()),
		"content-type": file.type || "application/octet-stream",
		accept: "application/json",
	};
	if (fileName) headers[HEADERS.fileName] = encodeURIComponent(fileName);

	const reply = await sendUpload(
		{
			url: `${base}/uploads${query}`,
			headers,
			body: file,
			onProgress: options.onProgress,
			signal: options.signal,
		},
		context.fetch,
	);
	return toPart(decodeResponse(reply.status, reply.text, "/uploads", uploadResponseSchema));
}

/** The message part for an upload, validated as the server will validate it. */
function toPart(upload: UploadResponse): UploadedPart {
	const common = {
		url: upload.url,
		mediaType: upload.mediaType,
		name: upload.fileName,
		size: upload.size,
		uploadId: upload.id,
	};
	const part = upload.mediaType.startsWith("image/")
		? {
				type: "image" as const,
				...common,
				...(upload.width ? { width: upload.width, height: upload.height } : {}),
			}
		: { type: "file" as const, ...common };
	const checked = v.safeParse(messagePartSchema, part);
	if (!checked.success || checked.output.type === "text") {
		throw new CossistantApiError(201, "invalid_response", "The upload cannot be sent as a part.");
	}
	return checked.output;
}
