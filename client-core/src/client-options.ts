import type {
	DefaultMessage,
	MessagePart,
	PublicVisitor,
	PublicWebsiteResponse,
} from "@cossistant/types";
import { detectPublicKey } from "./config/env.ts";
import { CossistantConfigurationError } from "./errors.ts";
import type { OutboxPersistence } from "./outbox/outbox-persistence.ts";
import type { ClientEnvironment } from "./platform/environment.ts";
import type { KeyValueStore } from "./platform/key-value-store.ts";
import type { SupportConfig } from "./support-config.ts";
import type { DocCache } from "./sync/doc-cache.ts";

/** Options of `new CossistantClient(…)`. */
export interface CossistantClientOptions {
	/**
	 * REST base URL. Auto-detected from `VITE_COSSISTANT_API_URL`, `NEXT_PUBLIC_COSSISTANT_API_URL`
	 * or `COSSISTANT_API_URL` when omitted. @default "http://localhost:4000/v1"
	 */
	apiUrl?: string;
	/** WebSocket URL. @default derived from apiUrl (`http` → `ws`, `https` → `wss`, `…/v1` → `…/ws`) */
	wsUrl?: string;
	/** Public key (`pk_…`). Auto-detected from VITE_/NEXT_PUBLIC_/COSSISTANT_API_KEY when omitted. */
	publicKey?: string;
	/** Private key (`sk_…`) for server-side calls such as `mutateSupportFeatureFlags`. Never in a browser. */
	apiKey?: string;
	/** Typed feature flags and onboarding steps from `createSupport()`. */
	support?: SupportConfig;
	/** Where the visitor identity is kept. @default localStorage, memory on servers */
	storage?: KeyValueStore;
	/** Online / visibility signals. @default window and document events when present */
	environment?: ClientEnvironment;
	/** Cache of shared documents. @default IndexedDB in browsers, memory elsewhere */
	docCache?: DocCache;
	/** Durable queue of commands. @default IndexedDB in browsers, memory elsewhere */
	outboxPersistence?: OutboxPersistence;
	fetch?: typeof fetch;
	/** WebSocket class for runtimes without a global one. */
	WebSocketPolyfill?: unknown;
}

/** The visitor and website as the widget knows them. */
export interface VisitorState {
	website: PublicWebsiteResponse | null;
	visitor: PublicVisitor | null;
	/** true when the last bootstrap could not reach the server and used the stored one. */
	offline: boolean;
	/**
	 * Set when the server refused this configuration for good (unknown or revoked key, origin
	 * not allowed, `apiUrl` not a Cossistant API): the client stopped retrying and connecting;
	 * the message says what to fix. See `CossistantConfigurationError.code`.
	 */
	configurationError: CossistantConfigurationError | null;
}

/** Options of `startConversation`. */
export interface StartConversationOptions {
	/** Welcome messages shown before the conversation existed; stored as its first items. */
	defaultMessages?: DefaultMessage[];
	/** The visitor's first message (text or parts); blank text or no parts starts without one. */
	initialMessage?: string | MessagePart[];
	title?: string;
}

/**
 * The public key the client runs with: the given one, else the detected one (unless a private
 * key alone was given, for server-side calls). Thrown at construction, before any request: a
 * missing key, or one that is not a public key (a private `sk_` key must never reach a browser).
 */
export function resolvePublicKey(options: CossistantClientOptions): string | undefined {
	const publicKey = options.publicKey ?? (options.apiKey ? undefined : detectPublicKey());
	if (!publicKey && !options.apiKey) {
		throw new CossistantConfigurationError(
			"Cossistant: no public key. Pass `publicKey`, or set VITE_COSSISTANT_API_KEY (Vite), NEXT_PUBLIC_COSSISTANT_API_KEY (Next.js) or COSSISTANT_API_KEY.",
			"missing_public_key",
		);
	}
	if (publicKey && !/^pk_(test|live)_/.test(publicKey)) {
		throw new CossistantConfigurationError(
			"Cossistant: `publicKey` must start with pk_test_ or pk_live_ (private sk_ keys never belong in a browser).",
			"invalid_api_key",
		);
	}
	return publicKey;
}
