import {
	HEADERS,
	type WebsiteBootstrapResponse,
	websiteBootstrapResponseSchema,
} from "@cossistant/types";
import * as v from "valibot";
import { CossistantApiError } from "../errors.ts";
import type { RestClient } from "../http/rest-client.ts";
import type { KeyValueStore } from "../platform/key-value-store.ts";

/** The outcome of a bootstrap: from the server, or from the last one stored (offline). */
export interface BootstrapResult {
	response: WebsiteBootstrapResponse;
	offline: boolean;
}

/**
 * The browser's visitor identity: the last bootstrap (website, visitor, signed token) kept in
 * storage per public key. It resumes the same visitor across reloads, and lets the widget start
 * offline from what it knew. Every bootstrap sends the stored token, so it is also how the token
 * renews: the server hands back a fresh one for the same visitor when the stored one is getting
 * old or has expired recently (a widget back from a long absence keeps its queued commands). A
 * token the server no longer accepts at all simply yields a new visitor, which replaces the
 * stored one (recovery, not an error).
 */
export class VisitorSession {
	private readonly storageKey: string;
	private stored: WebsiteBootstrapResponse | null;

	constructor(
		private readonly rest: RestClient,
		private readonly storage: KeyValueStore,
		publicKey: string,
	) {
		this.storageKey = `cossistant:visitor:${publicKey}`;
		this.stored = this.read();
	}

	get visitorId(): string | null {
		return this.stored?.visitor.id ?? null;
	}

	get token(): string | null {
		return this.stored?.visitorToken ?? null;
	}

	/**
	 * `GET /v1/websites`: creates or resumes the visitor. Without a network it falls back to the
	 * stored bootstrap (if any) so the widget opens offline; other errors are thrown.
	 */
	async bootstrap(): Promise<BootstrapResult> {
		const headers: Record<string, string> = {};
		if (this.stored) headers[HEADERS.visitorToken] = this.stored.visitorToken;
		const language = browserLanguage();
		if (language) headers[HEADERS.visitorLanguage] = language;
		const timezone = browserTimezone();
		if (timezone) headers[HEADERS.visitorTimezone] = timezone;
		try {
			const response = await this.rest.request("/websites", {
				headers,
				schema: websiteBootstrapResponseSchema,
			});
			this.stored = response;
			this.storage.set(this.storageKey, JSON.stringify(response));
			return { response, offline: false };
		} catch (error) {
			if (error instanceof CossistantApiError && error.code === "network_error" && this.stored) {
				return { response: this.stored, offline: true };
			}
			throw error;
		}
	}

	/** Forgets the identity (e.g. logout of the host app): the next bootstrap starts a new visitor. */
	reset(): void {
		this.stored = null;
		this.storage.remove(this.storageKey);
	}

	private read(): WebsiteBootstrapResponse | null {
		try {
			const raw = this.storage.get(this.storageKey);
			if (!raw) return null;
			const parsed = v.safeParse(websiteBootstrapResponseSchema, JSON.parse(raw));
			return parsed.success ? parsed.output : null;
		} catch {
			return null;
		}
	}
}

function browserLanguage(): string | undefined {
	return typeof navigator === "undefined" ? undefined : navigator.language;
}

function browserTimezone(): string | undefined {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}
