import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import type { NavigationState } from "../widget/routes.ts";

/** What `useSupportNavigation()` returns. */
export interface UseSupportNavigationResult {
	/** Current page and params. */
	current: NavigationState;
	/** Current page name. */
	page: NavigationState["page"];
	/** Current page params. */
	params: NavigationState["params"];
	/** History (oldest first). */
	previousPages: NavigationState[];
	/** Goes to a page and keeps the current one in history. Page names and params are typed. */
	navigate: (state: NavigationState) => void;
	/** Replaces the current page without a history entry. */
	replace: (state: NavigationState) => void;
	/** Returns to the previous page. */
	goBack: () => void;
	/** Whether there is a page to go back to. */
	canGoBack: boolean;
}

/**
 * Widget routing: current page, history and typed navigation.
 *
 * @example
 * const { navigate, goBack, canGoBack, page } = useSupportNavigation();
 * navigate({ page: "CONVERSATION", params: { conversationId: "abc123" } });
 */
export function useSupportNavigation(): UseSupportNavigationResult {
	const { widget } = useSupportSession("useSupportNavigation");
	const navigation = useStore(widget, (state) => state?.navigation);
	const current = navigation?.current ?? { page: "HOME" };
	const previousPages = navigation?.previousPages ?? [];
	const { navigate, replace, goBack } = widget.actions;
	return {
		current,
		page: current.page,
		params: current.params,
		previousPages,
		navigate,
		replace,
		goBack,
		canGoBack: previousPages.length > 0,
	};
}
