import * as v from "valibot";
import { idSchema } from "./ids.ts";

/** Default `UPLOAD_MAX_BYTES` of the sync-server: 10 MiB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** One accepted upload type: the extensions it may carry and whether it renders inline. */
export interface UploadMediaType {
	/** Lower-case extensions without the dot; the first is the canonical one. */
	extensions: readonly string[];
	/** Images are served inline and become `image` parts; everything else is an attachment. */
	kind: "image" | "file";
}

/**
 * The upload allowlist. The server accepts a file only when its **bytes** are one of these types
 * and the declared type and the file name's extension (when present) agree with them. Clients
 * may use it for an `<input accept>` list; it decides nothing on their side.
 */
export const UPLOAD_MEDIA_TYPES = {
	"image/png": { extensions: ["png"], kind: "image" },
	"image/jpeg": { extensions: ["jpg", "jpeg", "jpe", "jfif"], kind: "image" },
	"image/gif": { extensions: ["gif"], kind: "image" },
	"image/webp": { extensions: ["webp"], kind: "image" },
	"application/pdf": { extensions: ["pdf"], kind: "file" },
	"text/plain": { extensions: ["txt", "log", "md"], kind: "file" },
	"text/csv": { extensions: ["csv"], kind: "file" },
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
		extensions: ["docx"],
		kind: "file",
	},
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
		extensions: ["xlsx"],
		kind: "file",
	},
} as const satisfies Record<string, UploadMediaType>;

/** A media type the server accepts for uploads. */
export type UploadMediaTypeName = keyof typeof UPLOAD_MEDIA_TYPES;

/** The `accept` attribute of a file input that offers exactly the allowlist. */
export const UPLOAD_ACCEPT = Object.entries(UPLOAD_MEDIA_TYPES)
	.flatMap(([type, { extensions }]) => [type, ...extensions.map((ext) => `.${ext}`)])
	.join(",");

/** `POST /v1/uploads` answer (201): the stored file, ready to reference from a message part. */
export const uploadResponseSchema = v.object({
	/** Random 128-bit capability id (base64url): whoever knows it can fetch the file. */
	id: idSchema,
	/** A server path (`/v1/uploads/<id>`); resolve it against the API's origin to display it. */
	url: v.pipe(v.string(), v.regex(/^\/(?!\/)/, "must be a server path")),
	/** The type sniffed from the bytes (never merely the declared one). */
	mediaType: v.string(),
	fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
	size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
	/** Pixel size of images, when the header could be read. */
	width: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
	height: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
});

export type UploadResponse = v.InferOutput<typeof uploadResponseSchema>;
