/**
 * Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
 * and the marks U+200E, U+200F and U+061C. In a file name they can make `invoice‮fdp.exe`
 * read as `invoiceexe.pdf`.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name as the dashboard shows it, without bidirectional controls. The server already
 * removes them when it stores an upload's name; this is the second line of defence for names
 * that did not come through it (messages written before that, an agent's or backend's link).
 * @example displayFileName("invoice\u202Efdp.exe") // "invoicefdp.exe"
 */
export function displayFileName(name: string): string;
export function displayFileName(name: string | undefined): string | undefined;
export function displayFileName(name: string | undefined): string | undefined {
	return name?.replace(BIDI_CONTROLS, "");
}
