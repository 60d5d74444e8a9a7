/** "now", "5m", "3h", "Mon", "12 Mar": compact times for inbox rows. */
export function relativeTime(iso: string, now = Date.now()): string {
	const at = Date.parse(iso);
	const seconds = Math.max(0, Math.round((now - at) / 1000));
	if (seconds < 60) return "now";
	if (seconds < 3_600) return `${Math.floor(seconds / 60)}m`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h`;
	const date = new Date(at);
	if (seconds < 6 * 86_400) return date.toLocaleDateString(undefined, { weekday: "short" });
	return date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}
