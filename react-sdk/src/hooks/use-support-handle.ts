import type { SupportHandle } from "../widget/support-handle.ts";
import { useSupportScope } from "../widget/support-scope.ts";

/**
 * The imperative handle of the enclosing `<Support>` (an alternative to a `ref`), or `null`
 * outside of one.
 *
 * @example
 * const support = useSupportHandle();
 * <button onClick={() => support?.startConversation("I need help with my order")}>Help</button>
 */
export function useSupportHandle(): SupportHandle | null {
	return useSupportScope()?.handle ?? null;
}
