import { type ComponentType, type ReactNode, useMemo } from "react";
import { useSupport } from "../hooks/use-support.ts";
import { useSupportNavigation } from "../hooks/use-support-navigation.ts";
import type { CustomPage } from "../widget/custom-page.ts";
import { useSupportScope } from "../widget/support-scope.ts";
import { pagesFromChildren } from "./page-route.tsx";
import { ArticlesPage } from "./pages/articles-page.tsx";
import { ConversationHistoryPage } from "./pages/conversation-history-page.tsx";
import { ConversationPage } from "./pages/conversation-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { ConfigurationError } from "./parts/configuration-error.tsx";

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

/** The router with its pages: the lazily loaded half of `Support.Router` (see lazy-router.tsx). */
export function SupportRouterContent({ customPages, children }: RouterProps) {
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
