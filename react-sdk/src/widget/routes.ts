import type { RouteRegistry } from "@cossistant/core";

declare module "@cossistant/core" {
	/**
	 * The pages of the support widget and their params. Apps add their own pages by augmenting
	 * this interface; `navigate()` then accepts exactly the registered pages with their params.
	 *
	 * @example
	 * declare module "@cossistant/core" {
	 *   interface RouteRegistry {
	 *     SETTINGS: { tab: string };
	 *     HELP: undefined;
	 *   }
	 * }
	 */
	interface RouteRegistry {
		HOME: undefined;
		ARTICLES: undefined;
		CONVERSATION: { conversationId: string; initialMessage?: string };
		CONVERSATION_HISTORY: undefined;
	}
}

export type { RouteRegistry };

/** The name of a registered page (built-in or added through `RouteRegistry`). */
export type SupportPageName = keyof RouteRegistry;

/**
 * The name of a registered page: the type `SupportPageName` under its first name. (The package
 * exports `SupportPage` as this type and as the `<SupportPage>` component, `Support.Page`.)
 */
export type SupportPage = SupportPageName;

/** The params of page `P` (`undefined` for pages without params). */
export type RouteParams<P extends SupportPage = SupportPage> = RouteRegistry[P];

/**
 * A page and its params, as `navigate()` takes them. `params` is required when the page declares
 * required params, optional when all of them are optional, and absent for pages without params.
 */
export type NavigationState<P extends SupportPage = SupportPage> = P extends SupportPage
	? RouteRegistry[P] extends undefined
		? { page: P; params?: undefined }
		: object extends RouteRegistry[P]
			? { page: P; params?: RouteRegistry[P] }
			: { page: P; params: RouteRegistry[P] }
	: never;

/** The id the conversation page uses before the visitor's first message creates the conversation. */
export const PENDING_CONVERSATION_ID = "__pending__";
