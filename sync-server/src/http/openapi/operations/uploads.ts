import { HEADERS, UPLOAD_MEDIA_TYPES, uploadResponseSchema } from "@cossistant/types";
import { type OperationDoc, operation } from "../operation.ts";

const ACCEPTED = Object.entries(UPLOAD_MEDIA_TYPES)
	.map(([type, { extensions }]) => `\`${type}\` (${extensions.map((e) => `.${e}`).join(", ")})`)
	.join(", ");

/** Uploads of images and files referenced by message parts. */
export const uploadOperations: OperationDoc[] = [
	operation({
		method: "post",
		path: "/v1/uploads",
		operationId: "createUpload",
		tag: "Uploads",
		summary: "Upload an image or a file for a message",
		description:
			"The body is the file's raw bytes (not multipart), with its type in `Content-Type` and " +
			"its URL-encoded name in `X-File-Name`. Query: `conversationId` (optional; a conversation " +
			"the uploader may access) and, for agents of several websites without a conversation, " +
			"`websiteId`. The type is decided from the bytes (magic numbers), and the declared type " +
			`and the extension must agree with it. Accepted: ${ACCEPTED}. The size limit is ` +
			"`UPLOAD_MAX_BYTES` (default 10 MiB). Put the answer into an `image` or `file` message " +
			"part (`url`, `mediaType`, `name` = `fileName`, `size`, `uploadId` = `id`); for a visitor's " +
			"message the server stores the upload's own name, `mediaType` and `size` in the part.",
		security: [["publicKey", "visitorToken"], "session"],
		headers: [
			{
				name: HEADERS.fileName,
				description: "The original file name, URL-encoded (encodeURIComponent).",
			},
		],
		responses: [
			{
				status: 201,
				description: "Stored. `Location` is the file's URL.",
				body: { name: "UploadResponse", schema: uploadResponseSchema },
				headers: { Location: "`/v1/uploads/{id}`" },
			},
		],
		errors: {
			400: "`bad_request`: an empty file, a malformed `X-File-Name` or query.",
			403: "`visitor_blocked`: support is closed to this visitor; `origin_not_allowed`.",
			404: "`not_found`: no such conversation (or website) for this uploader.",
			413: "`payload_too_large`: the file exceeds `UPLOAD_MAX_BYTES` (see `details.maxBytes`).",
			415: "`unsupported_media_type`: a type outside the allowlist, or a declared type or extension that does not match the bytes.",
			429: "`rate_limited`: more than `UPLOAD_RATE_LIMIT` uploads a minute; `upload_quota_exceeded`: a visitor past `UPLOAD_VISITOR_DAILY_BYTES`, or its website past `UPLOAD_WEBSITE_DAILY_BYTES`, within 24 hours (`details.scope`: `visitor` | `website`, `details.quotaBytes`).",
		},
	}),
	operation({
		method: "get",
		path: "/v1/uploads/:id",
		operationId: "getUpload",
		tag: "Uploads",
		summary: "Download an uploaded file",
		description:
			"The id is the capability (128 random bits), so no credentials are needed: `<img>` tags " +
			"cannot send tokens. Served with the sniffed `Content-Type`, `X-Content-Type-Options: " +
			"nosniff`, `Content-Security-Policy: default-src 'none'; sandbox`, `Content-Disposition` " +
			"`inline` for images and `attachment` otherwise, and `Cache-Control: private, " +
			"max-age=31536000, immutable`.",
		security: [],
		responses: [
			{
				status: 200,
				description: "The file's bytes (binary, in its own `Content-Type`).",
			},
			{ status: 304, description: "Unchanged (`If-None-Match` matched the ETag)." },
		],
	}),
];
