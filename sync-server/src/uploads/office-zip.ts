/** Office Open XML types recognised inside a ZIP container. */
export type OfficeType =
	| "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	| "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** Fixed part of the end-of-central-directory record; a comment of up to 64 KiB may follow. */
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Fixed part of a central directory entry (its name, extra field and comment follow). */
const ENTRY_SIZE = 46;

/**
 * Whether a ZIP file is a Word (`.docx`) or Excel (`.xlsx`) document, from its central directory
 * (the authoritative list of entries, read from the end of the file, so entries hidden between
 * local headers do not count). Anything else, a generic archive, a malformed or ZIP64 archive, or
 * a macro-enabled document renamed to `.docx` / `.xlsx` (it carries `vbaProject.bin`), is `null`:
 * archives can smuggle executables past a type check, so only the documents people send are
 * accepted.
 */
export function sniffOfficeZip(bytes: Uint8Array): OfficeType | null {
	const names = centralDirectoryNames(bytes);
	if (!names?.has("[Content_Types].xml")) return null;
	for (const name of names) {
		if (name.toLowerCase().endsWith("vbaproject.bin")) return null;
	}
	if (names.has("word/document.xml")) {
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	}
	if (names.has("xl/workbook.xml")) {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}
	return null;
}

/** Entry names of the central directory, or `null` when the archive cannot be read safely. */
function centralDirectoryNames(bytes: Uint8Array): Set<string> | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = findEndOfCentralDirectory(view);
	if (eocd < 0) return null;
	const count = view.getUint16(eocd + 10, true);
	const size = view.getUint32(eocd + 12, true);
	const start = view.getUint32(eocd + 16, true);
	// ZIP64 markers (0xFFFF / 0xFFFFFFFF) never occur in documents within the upload limit.
	if (count === 0xffff || start === 0xffffffff || start + size > eocd) return null;

	const names = new Set<string>();
	const decoder = new TextDecoder("utf-8", { fatal: false });
	let offset = start;
	for (let i = 0; i < count; i++) {
		if (offset + ENTRY_SIZE > eocd) return null;
		if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
		const nameLength = view.getUint16(offset + 28, true);
		const extraLength = view.getUint16(offset + 30, true);
		const commentLength = view.getUint16(offset + 32, true);
		const nameStart = offset + ENTRY_SIZE;
		if (nameStart + nameLength > eocd) return null;
		names.add(decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)));
		offset = nameStart + nameLength + extraLength + commentLength;
	}
	return names;
}

/** Offset of the end-of-central-directory record (searched backwards over the comment), or -1. */
function findEndOfCentralDirectory(view: DataView): number {
	const last = view.byteLength - EOCD_SIZE;
	const first = Math.max(0, last - MAX_COMMENT);
	for (let offset = last; offset >= first; offset--) {
		if (view.getUint32(offset, true) !== END_OF_CENTRAL_DIRECTORY) continue;
		// The comment must end exactly at the end of the file, or this is not the record.
		if (offset + EOCD_SIZE + view.getUint16(offset + 20, true) === view.byteLength) return offset;
	}
	return -1;
}
