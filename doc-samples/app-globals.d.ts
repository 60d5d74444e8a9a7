// What the docs' samples call without importing: the app's own analytics, logger, error tracker,
// API calls and components. Declared here so the samples compile as written; the browser
// harness (browser/app-globals.ts) provides them at runtime and records the calls.
import type { TimelineItem } from "@cossistant/types";
import type { ComponentType } from "react";

declare global {
	/** The app's analytics client (Events, Hooks). */
	var analytics: { track(event: string, properties?: object): void };
	/** The app's logger (Events). */
	var logger: { error(message: string, details?: object): void };
	/** The app's error tracker (Events). */
	var errorTracker: { captureException(error: unknown, details?: object): void };
	/** Google Analytics 4's global (Events). */
	function gtag(command: "event", name: string, params?: object): void;
	/** The app's billing call (Hooks, Contacts). */
	function upgradeToPro(): Promise<void>;
	/** The app's own send call, returning the stored message (Events, custom conversation page). */
	function sendMessage(conversationId: string, text: string): Promise<TimelineItem>;
	/** The app's invite form (Support State). */
	var InviteForm: ComponentType<{ onSubmit: (invitedEmails: string[]) => Promise<void> }>;
}
