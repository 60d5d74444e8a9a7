import type { PublicWebsiteResponse, WebsiteBootstrapResponse } from "@cossistant/types";
import type { StoreApi } from "zustand/vanilla";
import type { VisitorState } from "../client-options.ts";
import { CossistantApiError, CossistantConfigurationError } from "../errors.ts";
import { type SupportEventEmitter, toError } from "../events/support-events.ts";
import { closeFailureOf, type SetupContext, setupFailureOf } from "../setup/setup-failure.ts";
import type { SyncConnection } from "../sync/sync-connection.ts";
import type { VisitorSession } from "./visitor-session.ts";

/** What a VisitorBootstrap works with. */
export interface VisitorBootstrapOptions {
	/** The stored identity; null without a public key (a server-side client with a private key). */
	session: VisitorSession | null;
	/** Where the website, the visitor and a configuration error are published. */
	state: StoreApi<VisitorState>;
	events: SupportEventEmitter;
	/** What a configuration error names (the page's origin is read when it happens). */
	setup: Omit<SetupContext, "origin">;
	/** The client was destroyed: a bootstrap that ends later changes nothing. */
	isDestroyed: () => boolean;
	/** Each successful bootstrap while the client lives: connect, or hand over the fresh token. */
	onBootstrapped: (response: WebsiteBootstrapResponse) => void;
	/** The configuration was refused for good: stop connecting. */
	onFailed: () => void;
}

/**
 * The visitor's bootstrap (`GET /v1/websites`) and what depends on it: concurrent calls share
 * one request, a configuration the server refuses for good stops every later bootstrap and
 * reconnection, and a request refused because the visitor token expired runs once more after
 * the token was renewed.
 */
export class VisitorBootstrap {
	private running: Promise<PublicWebsiteResponse> | null = null;
	private failure: CossistantConfigurationError | null = null;

	constructor(private readonly options: VisitorBootstrapOptions) {}

	/**
	 * Bootstraps (creates or resumes the visitor, stores its token). Rejects with the
	 * CossistantConfigurationError of a refused configuration, from then on without a request.
	 */
	fetchWebsite(): Promise<PublicWebsiteResponse> {
		if (this.failure) return Promise.reject(this.failure);
		this.running ??= this.run().finally(() => {
			this.running = null;
		});
		return this.running;
	}

	/**
	 * Runs a REST request made with the stored visitor token. When the server says the token
	 * expired, the bootstrap renews it (the same visitor, while the server still allows renewal)
	 * and the request runs once more with the fresh one. If the bootstrap had to start a new
	 * visitor instead, the request is not repeated on that stranger's behalf: the error stands.
	 */
	async renewingExpiredToken<T>(request: () => Promise<T>): Promise<T> {
		try {
			return await request();
		} catch (error) {
			if (!(error instanceof CossistantApiError) || error.code !== "visitor_token_expired") {
				throw error;
			}
			const visitorId = this.options.session?.visitorId;
			await this.fetchWebsite();
			if (!visitorId || this.options.session?.visitorId !== visitorId) throw error;
			return request();
		}
	}

	/**
	 * Whether a socket close is a refusal for good (a refused key or origin: reconnecting cannot
	 * help), in which case the client stops as after a refused bootstrap.
	 */
	refusedForGood(close: { code: number; reason: string }): boolean {
		const failure = closeFailureOf(close.code, close.reason, this.setupContext());
		if (failure) this.fail(failure);
		return failure !== null;
	}

	/**
	 * A visitor that started offline (from the stored bootstrap) is refreshed once the connection
	 * is back, and a visitor unblocked while connected is refreshed at once, so the website and
	 * visitor are the server's. Returns the unsubscribe.
	 */
	refreshWhenConnected(sync: SyncConnection): () => void {
		return sync.state.subscribe(({ status, lastClose }, previous) => {
			// An unblock closes the visitor's sockets with `visitor_unblocked`: the bootstrap's
			// `isBlocked` is stale from then on.
			const unblocked =
				lastClose !== previous.lastClose && lastClose?.reason === "visitor_unblocked";
			if (unblocked || (status === "connected" && this.options.state.getState().offline)) {
				void this.fetchWebsite().catch((error) =>
					this.options.events.emitError(toError(error), "bootstrap_failed"),
				);
			}
		});
	}

	private async run(): Promise<PublicWebsiteResponse> {
		const { session, state } = this.options;
		if (!session)
			throw new CossistantConfigurationError("A public key is required to bootstrap a visitor.");
		let result: Awaited<ReturnType<VisitorSession["bootstrap"]>>;
		try {
			result = await session.bootstrap();
		} catch (error) {
			const failure = setupFailureOf(error, this.setupContext());
			if (!failure) throw error;
			this.fail(failure);
			throw failure;
		}
		const { response, offline } = result;
		if (this.options.isDestroyed()) return response.website;
		state.setState({ website: response.website, visitor: response.visitor, offline });
		this.options.onBootstrapped(response);
		return response.website;
	}

	/**
	 * Stops for good after a permanent refusal: no more bootstraps or reconnections (a page
	 * reload starts over), one `error` event with context `configuration_error`.
	 */
	private fail(failure: CossistantConfigurationError): void {
		if (this.failure || this.options.isDestroyed()) return;
		this.failure = failure;
		this.options.onFailed();
		this.options.state.setState({ configurationError: failure });
		this.options.events.emitError(failure, "configuration_error");
	}

	private setupContext(): SetupContext {
		const origin = typeof location === "undefined" ? undefined : location.origin;
		return { ...this.options.setup, origin };
	}
}
