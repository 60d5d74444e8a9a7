import type { NavigationState } from "./routes.ts";
import { PENDING_CONVERSATION_ID } from "./routes.ts";
import type { WidgetActions } from "./widget-store.ts";

/**
 * Imperative handle for programmatic widget control: `ref` on `<Support>` or `useSupportHandle()`.
 *
 * @example
 * const support = useRef<SupportHandle>(null);
 * support.current?.startConversation("I need help with my order");
 * <Support ref={support} />
 */
export interface SupportHandle {
	/** Opens the widget. */
	open(): void;
	/** Closes the widget. */
	close(): void;
	/** Opens or closes the widget. */
	toggle(): void;
	/** Goes to a page (typed by `RouteRegistry`), keeping the current one in history. */
	navigate(state: NavigationState): void;
	/** Replaces the current page (no history entry). */
	replace(state: NavigationState): void;
	/** Returns to the previous page, if any. */
	goBack(): void;
	/** Shows the home page. */
	goHome(): void;
	/** Opens the widget on an existing conversation. */
	openConversation(conversationId: string): void;
	/** Opens the widget on a new conversation; with a message, sends it as the first one. */
	startConversation(initialMessage?: string): void;
}

/** The handle over a widget store's actions. */
export function createSupportHandle(actions: WidgetActions): SupportHandle {
	return {
		open: actions.open,
		close: actions.close,
		toggle: actions.toggle,
		navigate: actions.navigate,
		replace: actions.replace,
		goBack: actions.goBack,
		goHome: () => actions.navigate({ page: "HOME" }),
		openConversation: (conversationId) => {
			actions.navigate({ page: "CONVERSATION", params: { conversationId } });
			actions.open();
		},
		startConversation: (initialMessage) => {
			actions.navigate({
				page: "CONVERSATION",
				params: {
					conversationId: PENDING_CONVERSATION_ID,
					...(initialMessage ? { initialMessage } : {}),
				},
			});
			actions.open();
		},
	};
}
