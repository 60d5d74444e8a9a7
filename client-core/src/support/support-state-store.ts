import { type SupportState, supportStateSchema } from "@cossistant/types";
import * as v from "valibot";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { SupportConfig } from "../support-config.ts";

export interface SupportStateView {
	/** Effective flags (visitor ∪ contact ∪ organization). */
	featureFlags: ReadonlySet<string>;
	/** Effective onboarding progress, with my optimistic changes applied. */
	onboarding: SupportState["onboarding"];
	/** The first step (in config order) not completed yet; null when all are done. */
	currentStepId: string | null;
	/** true once the server's state arrived (REST or realtime). */
	loaded: boolean;
}

/**
 * The support state store: the server's copy (from `GET /v1/support/state` or the visitor
 * document's profile, pushed in realtime) with optimistic onboarding changes on top.
 */
export class SupportStateStore {
	readonly state: StoreApi<SupportStateView>;
	private server: SupportState = { featureFlags: [], onboarding: {} };
	private readonly optimistic = new Map<string, Partial<SupportState["onboarding"][string]>>();

	constructor(private readonly config: SupportConfig | undefined) {
		this.state = createStore<SupportStateView>(() => ({
			featureFlags: new Set(),
			onboarding: {},
			currentStepId: config?.onboarding.steps[0]?.id ?? null,
			loaded: false,
		}));
	}

	/** Replaces the server's copy; returns false (and changes nothing) if it is malformed. */
	setServerState(raw: unknown): boolean {
		const parsed = v.safeParse(supportStateSchema, raw);
		if (!parsed.success) return false;
		this.server = parsed.output;
		// Optimistic changes the server now reflects are no longer needed.
		for (const [step, change] of this.optimistic) {
			const serverStep = this.server.onboarding[step];
			if (
				serverStep &&
				(change.completed === undefined || serverStep.completed === change.completed) &&
				(change.metadata === undefined ||
					JSON.stringify(serverStep.metadata) === JSON.stringify(change.metadata))
			) {
				this.optimistic.delete(step);
			}
		}
		this.publish(true);
		return true;
	}

	/** Applies an onboarding change locally before the server confirms it. */
	applyOptimistic(step: string, change: Partial<SupportState["onboarding"][string]>): void {
		this.optimistic.set(step, { ...this.optimistic.get(step), ...change });
		this.publish(this.state.getState().loaded);
	}

	/** Drops an optimistic change the server refused. */
	revertOptimistic(step: string): void {
		this.optimistic.delete(step);
		this.publish(this.state.getState().loaded);
	}

	isEnabled(flag: string): boolean {
		return this.state.getState().featureFlags.has(flag);
	}

	private publish(loaded: boolean): void {
		const onboarding: SupportState["onboarding"] = { ...this.server.onboarding };
		for (const [step, change] of this.optimistic) {
			const base = onboarding[step] ?? { completed: false, metadata: null };
			onboarding[step] = { ...base, ...change };
		}
		const steps = this.config?.onboarding.steps ?? [];
		const current = steps.find((step) => !onboarding[step.id]?.completed)?.id ?? null;
		this.state.setState({
			featureFlags: new Set(this.server.featureFlags),
			onboarding,
			currentStepId: current,
			loaded,
		});
	}
}
