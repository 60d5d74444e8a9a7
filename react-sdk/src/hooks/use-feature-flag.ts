import type { FeatureFlagName } from "@cossistant/core";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";

/**
 * Whether a feature flag is enabled for this visitor (visitor, contact or organization level).
 * Updates live when the server changes it. Flag names are typed by `support.ts` (augment
 * `@cossistant/core/support-config`); an unknown name fails to compile.
 *
 * @example
 * const isNewMessageActivated = useFeatureFlag("new-message");
 */
export function useFeatureFlag(flag: FeatureFlagName): boolean {
	const { client } = useSupportSession("useFeatureFlag");
	return useStore(client?.support.store.state, (state) => state?.featureFlags.has(flag) ?? false);
}
