/**
 * A file's size for people, in the widget's locale: "0.8 kB", "47 kB", "3.2 MB" ("3,2 Mo" in
 * French). A locale tag Intl does not know falls back to the browser's.
 */
export function formatFileSize(bytes: number, locale: string): string {
	// Below a kilobyte too, in kB: Intl's short unit for a byte is the whole word in English.
	// A few bytes read as 0.1 kB, not as an empty file.
	const [value, unit] =
		bytes < 1_000_000
			? [bytes && Math.max(bytes / 1000, 0.1), "kilobyte"]
			: [bytes / 1e6, "megabyte"];
	const options: Intl.NumberFormatOptions = {
		style: "unit",
		unit,
		maximumFractionDigits: value < 10 ? 1 : 0,
	};
	try {
		return new Intl.NumberFormat(locale, options).format(value);
	} catch {
		return new Intl.NumberFormat(undefined, options).format(value);
	}
}
