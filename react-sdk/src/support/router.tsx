import { Children, type ComponentType, isValidElement, type ReactNode, useMemo } from "react";
import { useSupport } from "../hooks/use-support.ts";
import { useSupportNavigation } from "../hooks/use-support-navigation.ts";
import type { CustomPage, PageComponentProps } from "../widget/custom-page.ts";
import type { SupportPage } from "../widget/routes.ts";
import { useSupportScope } from "../widget/support-scope.ts";
import { ArticlesPage } from "./pages/articles-page.tsx";
import { ConversationHistoryPage } from "./pages/conversation-history-page.tsx";
import { ConversationPage } from "./pages/conversation-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { ConfigurationError } from "./parts/configuration-error.tsx";

/** Props of `<Support.Page>`. */
export interface PageProps<K extends SupportPage> {
	/** The page's name, registered in `RouteRegistry`. */
	name: K;
	/** Rendered while the page is current, with its typed params. */
	component: ComponentType<PageComponentProps<K>>;
}

/**
 * Registers a page with the router (renders nothing itself). Put it inside `<Support>` or
 * `<Support.Router>`.
 *
 * @example
 * <Support>
 *   <Support.Page name="SETTINGS" component={SettingsPage} />
 * </Support>
 */
export function SupportPageRoute<K extends SupportPage>(_props: PageProps<K>): null {
	return null;
}
SupportPageRoute.displayName = "Support.Page";

/** Pages declared as `<Support.Page>` elements among `children`. */
export function pagesFromChildren(children: ReactNode): CustomPage[] {
	const pages: CustomPage[] = [];
	Children.forEach(children, (child) => {
		if (isValidElement(child) && child.type === SupportPageRoute) {
			pages.push(child.props as CustomPage);
		}
	});
	return pages;
}

const BUILT_IN: CustomPage[] = [
	{ name: "HOME", component: HomePage },
	{ name: "ARTICLES", component: ArticlesPage },
	{ name: "CONVERSATION", component: ConversationPage },
	{ name: "CONVERSATION_HISTORY", component: ConversationHistoryPage },
];

/** Props of `<Support.Router>`. */
export interface RouterProps {
	/** Pages added next to the built-in ones. */
	customPages?: CustomPage[];
	/** `<Support.Page>` elements. */
	children?: ReactNode;
}

/**
 * Renders the current page: HOME, ARTICLES, CONVERSATION, CONVERSATION_HISTORY and the custom
 * pages (from `<Support customPages>`, `<Support.Page>` and this router's own props). An
 * unknown page falls back to HOME.
 *
 * @example
 * <Support.Router>
 *   <Support.Page name="FAQ" component={FAQPage} />
 * </Support.Router>
 */
export function SupportRouter({ customPages, children }: RouterProps) {
	const { current } = useSupportNavigation();
	const { configurationError } = useSupport();
	const scopePages = useSupportScope()?.customPages;
	const pages = useMemo(() => {
		const byName = new Map<string, CustomPage>();
		for (const page of [
			...BUILT_IN,
			...(scopePages ?? []),
			...(customPages ?? []),
			...pagesFromChildren(children),
		]) {
			byName.set(page.name, page);
		}
		return byName;
	}, [scopePages, customPages, children]);
	if (configurationError) return <ConfigurationError error={configurationError} />;
	const page = pages.get(current.page) ?? (pages.get("HOME") as CustomPage);
	const Component = page.component as ComponentType<{ params: unknown }>;
	const params = page.name === current.page ? current.params : undefined;
	return <Component key={routeKey(current.page, params)} params={params} />;
}

/** A conversation page remounts per conversation; other pages per page. */
function routeKey(page: string, params: unknown): string {
	const id = (params as { conversationId?: unknown } | undefined)?.conversationId;
	return typeof id === "string" ? `${page}:${id}` : page;
}
