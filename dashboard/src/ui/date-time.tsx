/** A date and time as the agent's locale writes it ("Dec 6, 2026, 2:06 AM"); the raw value if unparsable. */
export function formatDate(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A moment shown as a `<time>` element, so assistive technology and tools know it is one. */
export function DateTime({ value }: { value: string }) {
	return <time dateTime={value}>{formatDate(value)}</time>;
}
