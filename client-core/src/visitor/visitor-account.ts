import type {
	Command,
	FeatureFlagMutationResponse,
	IdentifyParams,
	PublicWebsiteResponse,
	VisitorMetadata,
	WebsiteBootstrapResponse,
} from "@cossistant/types";
import { createStore, type StoreApi } from "zustand/vanilla";
import {
	type CossistantClientOptions,
	resolvePublicKey,
	type VisitorState,
} from "../client-options.ts";
import { resolveApiUrl } from "../config/server-urls.ts";
import { ContactsApi } from "../contacts/contacts-api.ts";
import { CossistantConfigurationError } from "../errors.ts";
import { SupportEventEmitter } from "../events/support-events.ts";
import { RestClient } from "../http/rest-client.ts";
import { VisitorBootstrap } from "../identity/visitor-bootstrap.ts";
import { VisitorSession } from "../identity/visitor-session.ts";
import { defaultKeyValueStore, type KeyValueStore } from "../platform/key-value-store.ts";
import { SupportApi } from "../support/support-api.ts";
import type { FeatureFlagName, OnboardingMetadataOf, OnboardingStepId } from "../support-config.ts";

/**
 * Who the visitor is, the half of CossistantClient that needs no socket: the REST client, the
 * stored identity and its bootstrap, the contact (identify, metadata) and the support state
 * (feature flags, onboarding). A base class so the client keeps one flat API while each half
 * stays readable: the client extends it with conversations and the connection, connecting when
 * a bootstrap succeeds ({@link onBootstrapped}) and queueing the commands made here
 * ({@link enqueue}).
 */
export abstract class VisitorAccount {
	readonly events = new SupportEventEmitter();
	readonly visitorState: StoreApi<VisitorState>;
	readonly support: SupportApi;
	readonly contacts: ContactsApi;
	readonly rest: RestClient;
	/** REST base without trailing slashes. */
	protected readonly apiUrl: string;
	protected readonly publicKey: string | undefined;
	protected readonly session: VisitorSession | null;
	protected readonly storage: KeyValueStore;
	protected readonly bootstrap: VisitorBootstrap;
	protected destroyed = false;

	constructor(options: CossistantClientOptions) {
		this.apiUrl = resolveApiUrl(options.apiUrl);
		this.publicKey = resolvePublicKey(options);
		this.rest = new RestClient({
			apiUrl: this.apiUrl,
			publicKey: this.publicKey,
			apiKey: options.apiKey,
			fetch: options.fetch,
		});
		// One store for the visitor identity and the metadata hash (one localStorage probe).
		const storage = options.storage ?? defaultKeyValueStore();
		this.storage = storage;
		this.session = this.publicKey ? new VisitorSession(this.rest, storage, this.publicKey) : null;
		this.visitorState = createStore<VisitorState>(() => ({
			website: null,
			visitor: null,
			offline: false,
			configurationError: null,
		}));
		this.bootstrap = new VisitorBootstrap({
			session: this.session,
			state: this.visitorState,
			events: this.events,
			setup: { apiUrl: this.apiUrl, publicKey: this.publicKey },
			isDestroyed: () => this.destroyed,
			onBootstrapped: (response) => this.onBootstrapped(response),
			onFailed: () => this.onConfigurationRefused(),
		});
		this.contacts = new ContactsApi({
			rest: this.rest,
			storage,
			visitorToken: () => this.session?.token ?? null,
			visitorId: () => this.session?.visitorId ?? null,
			enqueue: (command) => this.enqueue(command),
			visitor: () => this.visitorState.getState().visitor,
			onVisitor: (visitor) => this.visitorState.setState({ visitor }),
		});
		this.support = new SupportApi({
			config: options.support,
			rest: this.rest,
			enqueue: (command) => this.enqueue(command),
			visitorToken: () => this.session?.token ?? null,
			onError: (error, context) => this.events.emitError(error, context),
		});
	}

	/** Queues any command through the durable outbox (after bootstrapping if needed). */
	abstract enqueue(command: Command): Promise<void>;

	/** A bootstrap succeeded (and the client lives): connect, or hand over the renewed token. */
	protected abstract onBootstrapped(response: WebsiteBootstrapResponse): void;

	/** The server refused the configuration for good: stop reconnecting. */
	protected abstract onConfigurationRefused(): void;

	/**
	 * Bootstraps the visitor (`GET /v1/websites`: creates or resumes it, stores its token) and
	 * connects. Safe to call repeatedly; concurrent calls share one request. Rejects with a
	 * CossistantConfigurationError when the server refused the configuration for good (see
	 * `VisitorState.configurationError`), from then on without a request.
	 */
	fetchWebsite(): Promise<PublicWebsiteResponse> {
		return this.bootstrap.fetchWebsite();
	}

	/** `GET /v1/support/state` (docs: Support State). */
	fetchSupportState() {
		return this.bootstrap.renewingExpiredToken(() => this.support.fetchSupportState());
	}

	/** Whether a feature flag is enabled for this visitor. */
	isFeatureFlagEnabled(flag: FeatureFlagName): boolean {
		return this.support.isFeatureFlagEnabled(flag);
	}

	/** Replaces an onboarding step's metadata (`null` clears it); optimistic. */
	setOnboardingMetadata<S extends OnboardingStepId>(
		step: S,
		metadata: OnboardingMetadataOf<S> | null,
	): Promise<void> {
		return this.support.setOnboardingMetadata(step, metadata);
	}

	/** Completes an onboarding step; optimistic. */
	completeOnboardingStep(step: OnboardingStepId): Promise<void> {
		return this.support.completeOnboardingStep(step);
	}

	/** Changes feature flags with the private key (server-side only). */
	mutateSupportFeatureFlags(
		mutation: Parameters<SupportApi["mutateSupportFeatureFlags"]>[0],
	): Promise<FeatureFlagMutationResponse> {
		return this.support.mutateSupportFeatureFlags(mutation);
	}

	/** Links the visitor to a contact (docs: Contacts → identify). */
	identify(params: IdentifyParams) {
		return this.bootstrap.renewingExpiredToken(() => this.contacts.identify(params));
	}

	/**
	 * Replaces the contact's metadata (after `identify()`). Resolves `true` once queued, `false`
	 * when unchanged (no request); rejects with a CossistantConfigurationError
	 * `visitor_not_identified` before `identify()` (see ContactsApi.setVisitorMetadata).
	 */
	async setVisitorMetadata(metadata: VisitorMetadata): Promise<boolean> {
		if (!this.visitorState.getState().visitor) await this.fetchWebsite();
		return this.contacts.setVisitorMetadata(metadata);
	}

	/** The token an upload carries: the stored one, else the one a bootstrap brings. */
	protected async uploadToken(): Promise<string> {
		if (!this.session?.token) await this.fetchWebsite();
		const token = this.session?.token;
		if (!this.publicKey || !token) {
			throw new CossistantConfigurationError("Uploads need a public key and a visitor.");
		}
		return token;
	}
}
