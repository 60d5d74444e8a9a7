// The app's own globals the samples call (declared in ../app-globals.d.ts), recording each call in
// `window.appCalls` as JSON the Playwright test reads. Imported first by every page.
import type { TimelineItem } from "@cossistant/types";

/** One call of an app global: which one, and its arguments made JSON-safe. */
export interface AppCall {
	fn: string;
	args: unknown[];
}

declare global {
	interface Window {
		appCalls: AppCall[];
	}
}

window.appCalls = [];

/** Errors become their message; everything else goes through JSON. */
function record(fn: string, args: unknown[]): void {
	const safe = args.map((arg) =>
		JSON.parse(
			JSON.stringify(arg, (_key, value: unknown) =>
				value instanceof Error ? { error: value.message } : value,
			) ?? "null",
		),
	);
	window.appCalls.push({ fn, args: safe });
}

globalThis.analytics = { track: (...args) => record("analytics.track", args) };
globalThis.logger = { error: (...args) => record("logger.error", args) };
globalThis.errorTracker = {
	captureException: (...args) => record("errorTracker.captureException", args),
};
globalThis.gtag = (...args) => record("gtag", args);
globalThis.upgradeToPro = async () => record("upgradeToPro", []);
globalThis.sendMessage = async (conversationId, text): Promise<TimelineItem> => {
	record("sendMessage", [conversationId, text]);
	throw new Error("sendMessage is not wired in this harness");
};
globalThis.InviteForm = () => null;
