import { UPLOAD_MEDIA_TYPES, type UploadMediaTypeName } from "@cossistant/types";
import { ApiError } from "../errors/api-error.ts";
import { extensionOf, withExtension } from "./file-name.ts";
import { readImageSize } from "./image-size.ts";
import { sniffMediaType } from "./media-sniffer.ts";

/** What the client said about a file; only the bytes are trusted. */
export interface UploadCandidate {
	bytes: Uint8Array;
	/** The request's `Content-Type` (parameters allowed). */
	declaredType: string | undefined;
	/** The sanitised original name, if any. */
	fileName: string | null;
}

/** An accepted upload: its real type and the name it will be stored and served under. */
export interface AcceptedUpload {
	mediaType: UploadMediaTypeName;
	kind: "image" | "file";
	fileName: string;
	width?: number;
	height?: number;
}

const TEXT_TYPES = ["text/plain", "text/csv"] as const satisfies UploadMediaTypeName[];

/**
 * Names browsers and operating systems give to accepted types. Windows reports `.csv` as
 * `application/vnd.ms-excel`, macOS `.md` as `text/markdown`: those declarations are honest and
 * must not be refused. An alias only ever maps to a type the bytes are then checked against.
 */
const ALIASES: Record<string, UploadMediaTypeName> = {
	"image/jpg": "image/jpeg",
	"image/pjpeg": "image/jpeg",
	"text/markdown": "text/plain",
	"text/x-markdown": "text/plain",
	"text/x-log": "text/plain",
	"application/vnd.ms-excel": "text/csv",
	"application/csv": "text/csv",
	"text/x-csv": "text/csv",
	"text/comma-separated-values": "text/csv",
};

/** Declarations that say nothing (a browser sends them for unknown extensions). */
const UNDECLARED = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/**
 * Decides whether a file may be stored, from its bytes: they must be one of
 * {@link UPLOAD_MEDIA_TYPES}, and the declared type and the name's extension, when given, must
 * agree with them. A PNG named `.png` passes; an HTML page or an SVG renamed `photo.png` and
 * declared `image/png` does not (415 `unsupported_media_type`), since whatever later trusts the
 * name or the declared type would be fooled.
 */
export function checkUpload(candidate: UploadCandidate): AcceptedUpload {
	const { bytes, fileName } = candidate;
	if (bytes.length === 0) throw new ApiError(400, "bad_request", "The file is empty.");
	const sniffed = sniffMediaType(bytes);
	if (!sniffed) {
		throw unsupported(
			"This kind of file is not accepted (images, PDF, text, CSV, Word and Excel are).",
		);
	}
	const declared = normalizeDeclared(candidate.declaredType);
	const extension = extensionOf(fileName);

	const mediaType: UploadMediaTypeName =
		sniffed === "text" ? textType(declared, extension) : sniffed;
	// Text files may be declared and named as any text type: a CSV sent as text/plain is harmless.
	const family: readonly UploadMediaTypeName[] = sniffed === "text" ? TEXT_TYPES : [mediaType];
	if (declared !== undefined && !family.includes(declared as UploadMediaTypeName)) {
		throw unsupported(`The file was declared as ${declared} but its content is ${mediaType}.`);
	}
	if (extension !== null && !family.some((type) => extensionsOf(type).includes(extension))) {
		throw unsupported(`A .${extension} name does not match the file's content (${mediaType}).`);
	}

	const { kind, extensions } = UPLOAD_MEDIA_TYPES[mediaType];
	const accepted: AcceptedUpload = {
		mediaType,
		kind,
		fileName: withExtension(fileName, kind === "image" ? "image" : "file", extensions[0]),
	};
	if (kind === "image") {
		const size = readImageSize(mediaType, bytes);
		if (size) Object.assign(accepted, size);
	}
	return accepted;
}

/** The declared type's essence (lower-cased, no parameters, aliases resolved); undefined if none. */
function normalizeDeclared(contentType: string | undefined): string | undefined {
	const essence = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (UNDECLARED.has(essence)) return undefined;
	return ALIASES[essence] ?? essence;
}

/** Whether a text file is served as CSV or plain text: the name decides, then the declaration. */
function textType(declared: string | undefined, extension: string | null): UploadMediaTypeName {
	if (extension && extensionsOf("text/csv").includes(extension)) return "text/csv";
	if (extension && extensionsOf("text/plain").includes(extension)) return "text/plain";
	return declared === "text/csv" ? "text/csv" : "text/plain";
}

function extensionsOf(type: UploadMediaTypeName): readonly string[] {
	return UPLOAD_MEDIA_TYPES[type].extensions;
}

function unsupported(message: string): ApiError {
	return new ApiError(415, "unsupported_media_type", message);
}
