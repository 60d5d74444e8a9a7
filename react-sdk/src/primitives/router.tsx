import type { ComponentType, ReactNode } from "react";
import type { CustomPage } from "../widget/custom-page.ts";
import type { NavigationState } from "../widget/routes.ts";

/** Props of `<Primitives.Router>`. */
export interface RouterPrimitiveProps {
	/** The current page and params (`useSupportNavigation().current`). */
	current: NavigationState;
	/** The pages it can render. */
	pages: CustomPage[];
	/** Rendered for a page that is not in `pages`. */
	fallback?: ReactNode;
}

/**
 * Headless router: renders the component registered for the current page with its params.
 *
 * @example
 * const { current } = useSupportNavigation();
 * <Primitives.Router current={current} pages={[{ name: "HOME", component: MyHome }]} />
 */
export function Router({ current, pages, fallback = null }: RouterPrimitiveProps) {
	const page = pages.find((candidate) => candidate.name === current.page);
	if (!page) return <>{fallback}</>;
	const Component = page.component as ComponentType<{ params: unknown }>;
	return <Component params={current.params} />;
}
