/**
 * A website's typical reply time as the locale says "in 15 minutes", "dans 2 heures" or "dentro
 * de 1 día": rounded up to minutes below an hour, hours up to 23 hours, days beyond. A locale tag
 * Intl does not know falls back to the browser's.
 */
export function formatReplyTime(minutes: number, locale: string): string {
	const [count, unit]: [number, Intl.RelativeTimeFormatUnit] =
		minutes < 60
			? [Math.ceil(minutes), "minute"]
			: minutes <= 23 * 60
				? [Math.ceil(minutes / 60), "hour"]
				: [Math.ceil(minutes / 1440), "day"];
	try {
		return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(count, unit);
	} catch {
		return new Intl.RelativeTimeFormat(undefined, { numeric: "always" }).format(count, unit);
	}
}
