// The upload policy on its own: which bytes pass as which type (Office documents read from the
// ZIP central directory, image sizes from headers), which names and declarations are refused,
// and how file names are made safe. The HTTP behaviour is in ../uploads.test.ts.

import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/errors/api-error.ts";
import { parseFileName } from "../../src/uploads/file-name.ts";
import { checkUpload } from "../../src/uploads/upload-policy.ts";

/** A ZIP archive with `entries` stored uncompressed (enough for the central directory). */
function zip(entries: Record<string, string>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(entries)) {
		const nameBytes = Buffer.from(name);
		const data = Buffer.from(content);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc32(data), 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt32LE(crc32(data), 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(entries).length, 8);
	end.writeUInt16LE(Object.keys(entries).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const DOCX = { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" };
const XLSX = { "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" };

function refusal(run: () => unknown): { status: number; code: string } {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ApiError);
		return { status: (error as ApiError).status, code: (error as ApiError).code };
	}
	throw new Error("accepted");
}

describe("upload policy", () => {
	it("recognises Word and Excel documents and refuses other archives", () => {
		const word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		expect(checkUpload({ bytes: zip(DOCX), declaredType: word, fileName: "cv.docx" })).toEqual({
			mediaType: word,
			kind: "file",
			fileName: "cv.docx",
		});
		expect(
			checkUpload({ bytes: zip(XLSX), declaredType: undefined, fileName: "q3.xlsx" }).mediaType,
		).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		const refused = [
			// A macro-enabled document renamed .docx.
			{ bytes: zip({ ...DOCX, "word/vbaProject.bin": "macro" }), fileName: "cv.docx" },
			// A generic archive (could carry anything).
			{ bytes: zip({ "setup.exe": "MZ" }), fileName: "cv.docx" },
			// A spreadsheet named as a Word document.
			{ bytes: zip(XLSX), fileName: "cv.docx" },
			// A truncated archive: no central directory.
			{ bytes: zip(DOCX).subarray(0, 60), fileName: "cv.docx" },
		];
		for (const { bytes, fileName } of refused) {
			expect(refusal(() => checkUpload({ bytes, declaredType: undefined, fileName }))).toEqual({
				status: 415,
				code: "unsupported_media_type",
			});
		}
	});

	it("reads the size of JPEG, GIF and WebP images from their headers", () => {
		const jpeg = Buffer.from([
			...[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00], // SOI, APP0 of 2 bytes
			...[0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80], // SOF0: 640 × 480
			...new Array(20).fill(0),
		]);
		expect(checkUpload({ bytes: jpeg, declaredType: "image/jpg", fileName: "a.JPG" })).toEqual({
			mediaType: "image/jpeg",
			kind: "image",
			fileName: "a.JPG",
			width: 640,
			height: 480,
		});
		const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.from([0x20, 0x00, 0x10, 0x00])]);
		expect(checkUpload({ bytes: gif, declaredType: "image/gif", fileName: null })).toMatchObject({
			fileName: "image.gif",
			width: 32,
			height: 16,
		});
		const webp = Buffer.alloc(40);
		webp.write("RIFF", 0);
		webp.write("WEBPVP8X", 8);
		webp.writeUIntLE(99, 24, 3);
		webp.writeUIntLE(49, 27, 3);
		expect(
			checkUpload({ bytes: webp, declaredType: "image/webp", fileName: "s.webp" }),
		).toMatchObject({ mediaType: "image/webp", width: 100, height: 50 });
	});

	it("accepts honest text in any text declaration and refuses markup and binaries", () => {
		const md = Buffer.from("\uFEFF# Notes\n");
		expect(
			checkUpload({ bytes: md, declaredType: "text/markdown", fileName: "n.md" }),
		).toMatchObject({ mediaType: "text/plain" });
		expect(
			checkUpload({ bytes: Buffer.from("a,b"), declaredType: "text/plain", fileName: "a.csv" })
				.mediaType,
		).toBe("text/csv");
		for (const text of [
			"  <!-- x --><b>hi</b>",
			"<?xml version='1.0'?><svg/>",
			"<SCRIPT>x</SCRIPT>",
		]) {
			expect(
				refusal(() =>
					checkUpload({ bytes: Buffer.from(text), declaredType: "text/plain", fileName: "a.txt" }),
				).status,
			).toBe(415);
		}
		const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
		expect(
			refusal(() => checkUpload({ bytes: latin1, declaredType: "text/plain", fileName: "a.txt" }))
				.status,
		).toBe(415);
		// A plain-text file named with an extension of another type.
		expect(
			refusal(() =>
				checkUpload({ bytes: Buffer.from("hi"), declaredType: "text/plain", fileName: "a.html" }),
			).status,
		).toBe(415);
	});

	it("makes file names safe to store, show and download", () => {
		expect(parseFileName(undefined)).toBeNull();
		expect(parseFileName(encodeURIComponent("C:\\Users\\me\\report.pdf"))).toBe("report.pdf");
		expect(parseFileName(encodeURIComponent("../../.bashrc"))).toBe("bashrc");
		expect(parseFileName(encodeURIComponent("invoice\u202Efdp.exe"))).toBe("invoicefdp.exe");
		expect(parseFileName(encodeURIComponent("a\u0000b\nc.txt  ..."))).toBe("abc.txt");
		expect(parseFileName(encodeURIComponent(" ... "))).toBeNull();
		const long = parseFileName(encodeURIComponent(`${"é".repeat(300)}.png`));
		expect(long).toHaveLength(255);
		expect(long?.endsWith("é.png")).toBe(true);
		const emoji = parseFileName(encodeURIComponent(`${"😀".repeat(200)}.png`)) ?? "";
		expect(emoji.length).toBeLessThanOrEqual(255);
		expect(emoji.endsWith("😀.png")).toBe(true);
		expect(refusal(() => parseFileName("%E0%A4%A"))).toEqual({ status: 400, code: "bad_request" });
	});
});
