/**
 * The label of a day separator: `today` for today's date, else the date in the widget's locale
 * ("12 mars 2026" in French). A custom locale tag Intl does not know falls back to the browser's.
 */
export function formatDayLabel(
	date: Date,
	locale: string,
	today: string,
	now = new Date(),
): string {
	if (date.toDateString() === now.toDateString()) return today;
	const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
	try {
		return date.toLocaleDateString(locale, options);
	} catch {
		return date.toLocaleDateString(undefined, options);
	}
}
