import { HEADERS, type WebsiteBootstrapResponse, websiteBootstrapResponseSchema } from "@cossistant/types";
import type { RestClient } from "../http/rest-client.ts";
import type { KeyValueStore } from "../platform/key-value-store.ts";

interface StoredIdentity {
	visitorId: string;
	token: string;
}

/**
 * The browser's visitor identity: id + signed token kept in storage per public key, sent on
 * bootstrap to resume the same visitor across reloads. A token the server no longer accepts
 * simply yields a new visitor, which replaces the stored one (recovery, not an error).
 */
export class VisitorSession {
	private readonly storageKey: string;
	private identity: StoredIdentity | null;

	constructor(
		private readonly rest: RestClient,
		private readonly storage: KeyValueStore,
		publicKey: string,
	) {
		this.storageKey = `cossistant:visitor:${publicKey}`;
		this.identity = this.read();
	}

	get visitorId(): string | null {
		return this.identity?.visitorId ?? null;
	}

	get token(): string | null {
		return this.identity?.token ?? null;
	}

	/** `GET /v1/websites`: creates or resumes the visitor; stores the (possibly new) identity. */
	async bootstrap(): Promise<WebsiteBootstrapResponse> {
		const headers: Record<string, string> = {};
		if (this.identity) headers[HEADERS.visitorToken] = this.identity.token;
		const language = browserLanguage();
		if (language) headers[HEADERS.visitorLanguage] = language;
		const timezone = browserTimezone();
		if (timezone) headers[HEADERS.visitorTimezone] = timezone;
		const response = await this.rest.request("/websites", { headers, schema: websiteBootstrapResponseSchema });
		this.identity = { visitorId: response.visitor.id, token: response.visitorToken };
		this.storage.set(this.storageKey, JSON.stringify(this.identity));
		return response;
	}

	/** Forgets the identity (e.g. logout of the host app): the next bootstrap starts a new visitor. */
	reset(): void {
		this.identity = null;
		this.storage.remove(this.storageKey);
	}

	private read(): StoredIdentity | null {
		try {
			const raw = this.storage.get(this.storageKey);
			if (!raw) return null;
			const value = JSON.parse(raw) as Partial<StoredIdentity>;
			return typeof value.visitorId === "string" && typeof value.token === "string"
				? { visitorId: value.visitorId, token: value.token }
				: null;
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
