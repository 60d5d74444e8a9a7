/** Pixel dimensions of an image. */
export interface ImageSize {
	width: number;
	height: number;
}

/**
 * Reads an image's dimensions from its header, so a widget can reserve the space before the
 * image loads (no layout jump in the timeline). `null` when the header is not where the format
 * puts it; the upload is still accepted, only without dimensions.
 */
export function readImageSize(mediaType: string, bytes: Uint8Array): ImageSize | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const size = (() => {
		switch (mediaType) {
			case "image/png":
				return pngSize(view);
			case "image/gif":
				return bytes.length >= 10
					? { width: view.getUint16(6, true), height: view.getUint16(8, true) }
					: null;
			case "image/webp":
				return webpSize(view);
			case "image/jpeg":
				return jpegSize(view);
			default:
				return null;
		}
	})();
	return size && size.width > 0 && size.height > 0 ? size : null;
}

function pngSize(view: DataView): ImageSize | null {
	// Signature (8), IHDR length (4), "IHDR" (4), then width and height (big-endian).
	if (view.byteLength < 24 || chunkType(view, 12) !== "IHDR") return null;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

function webpSize(view: DataView): ImageSize | null {
	if (view.byteLength < 30) return null;
	switch (chunkType(view, 12)) {
		case "VP8 ":
			return {
				width: view.getUint16(26, true) & 0x3fff,
				height: view.getUint16(28, true) & 0x3fff,
			};
		case "VP8L": {
			const bits = view.getUint32(21, true);
			return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
		}
		case "VP8X":
			return { width: uint24(view, 24) + 1, height: uint24(view, 27) + 1 };
		default:
			return null;
	}
}

/** Walks the JPEG segments up to the first start-of-frame marker. */
function jpegSize(view: DataView): ImageSize | null {
	let offset = 2;
	while (offset + 9 <= view.byteLength) {
		if (view.getUint8(offset) !== 0xff) return null;
		const marker = view.getUint8(offset + 1);
		if (marker === 0xff) {
			offset += 1; // fill byte
			continue;
		}
		// Standalone markers carry no length.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
			offset += 2;
			continue;
		}
		const isStartOfFrame =
			marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isStartOfFrame) {
			return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
		}
		offset += 2 + view.getUint16(offset + 2);
	}
	return null;
}

function chunkType(view: DataView, offset: number): string {
	return String.fromCharCode(
		view.getUint8(offset),
		view.getUint8(offset + 1),
		view.getUint8(offset + 2),
		view.getUint8(offset + 3),
	);
}

function uint24(view: DataView, offset: number): number {
	return (
		view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getUint8(offset + 2) << 16)
	);
}
