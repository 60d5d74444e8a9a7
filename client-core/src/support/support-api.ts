import {
	type Command,
	type FeatureFlagMutation,
	type FeatureFlagMutationResponse,
	featureFlagMutationResponseSchema,
	featureFlagMutationSchema,
	HEADERS,
	type SupportState,
	supportStateSchema,
} from "@cossistant/types";
import * as v from "valibot";
import { CossistantConfigurationError } from "../errors.ts";
import type { RestClient } from "../http/rest-client.ts";
import { newId } from "../ids/new-id.ts";
import type {
	FeatureFlagName,
	OnboardingMetadataOf,
	OnboardingStepId,
	SupportConfig,
} from "../support-config.ts";
import { SupportStateStore } from "./support-state-store.ts";

export interface SupportApiOptions {
	config: SupportConfig | undefined;
	rest: RestClient;
	enqueue: (command: Command) => Promise<void>;
	visitorToken: () => string | null;
	onError: (error: Error, context: string) => void;
}

/**
 * Feature flags and onboarding (docs: Support State): reads come from the server's support
 * state (REST, then realtime through the visitor document); onboarding writes are commands in
 * the durable outbox, applied optimistically.
 */
export class SupportApi {
	readonly store: SupportStateStore;

	constructor(private readonly options: SupportApiOptions) {
		this.store = new SupportStateStore(options.config);
	}

	/** The config passed to the client (`createSupport()`), if any. */
	get config(): SupportConfig | undefined {
		return this.options.config;
	}

	/** `GET /v1/support/state`: the visitor's effective flags and onboarding. */
	async fetchSupportState(): Promise<SupportState> {
		const token = this.options.visitorToken();
		if (!token) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		const state = await this.options.rest.request("/support/state", {
			headers: { [HEADERS.visitorToken]: token },
			schema: supportStateSchema,
		});
		this.store.setServerState(state);
		return state;
	}

	/** A support state pushed by the server (visitor document); malformed input is reported. */
	receive(raw: unknown): void {
		if (raw === undefined) return;
		if (!this.store.setServerState(raw)) {
			this.options.onError(
				new Error("The server sent a malformed support state."),
				"invalid_support_state",
			);
		}
	}

	/** Whether a flag is enabled for this visitor (visitor, contact or organization level). */
	isFeatureFlagEnabled(flag: FeatureFlagName): boolean {
		return this.store.isEnabled(flag);
	}

	/** Replaces the metadata of an onboarding step (`null` clears it). Optimistic. */
	async setOnboardingMetadata<S extends OnboardingStepId>(
		step: S,
		metadata: OnboardingMetadataOf<S> | null,
	): Promise<void> {
		this.store.applyOptimistic(step, { metadata: metadata as Record<string, unknown> | null });
		await this.send(
			{
				id: newId(),
				type: "onboarding.setMetadata",
				stepId: step,
				metadata,
			} as unknown as Command,
			step,
		);
	}

	/** Marks an onboarding step completed. Optimistic. */
	async completeOnboardingStep(step: OnboardingStepId): Promise<void> {
		this.store.applyOptimistic(step, { completed: true });
		await this.send(
			{ id: newId(), type: "onboarding.completeStep", stepId: step } as unknown as Command,
			step,
		);
	}

	/**
	 * Adds, removes or sets flags on a visitor, contact or organization. Needs the private key
	 * (`apiKey`): call it from your server, never from a browser.
	 */
	async mutateSupportFeatureFlags(mutation: {
		target: FeatureFlagMutation["target"];
		operation: FeatureFlagMutation["operation"];
		flags: FeatureFlagName[];
	}): Promise<FeatureFlagMutationResponse> {
		const body = v.parse(featureFlagMutationSchema, mutation);
		return this.options.rest.request("/support/feature-flags", {
			method: "PATCH",
			body,
			schema: featureFlagMutationResponseSchema,
		});
	}

	private async send(command: Command, step: string): Promise<void> {
		try {
			await this.options.enqueue(command);
		} catch (error) {
			this.store.revertOptimistic(step);
			throw error;
		}
	}
}
