// Formatting a date through `toLocaleString` builds a new Intl.DateTimeFormat on every call
// (~0.15 ms); a timeline formats two per item on every render. These formatters are built once.

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
// What `Date#toLocaleString()` writes without options: the date and the time with seconds.
const full = new Intl.DateTimeFormat(undefined, {
	year: "numeric",
	month: "numeric",
	day: "numeric",
	hour: "numeric",
	minute: "numeric",
	second: "numeric",
});

/** "09:41 AM": the time of day of `iso`, as a timeline shows it. */
export function clockTime(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : clock.format(date);
}

/** The full local date and time of `iso`, for titles and screen readers. */
export function fullTime(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : full.format(date);
}
