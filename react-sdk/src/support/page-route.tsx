import { Children, type ComponentType, type ReactNode } from "react";
import { isElementOf } from "../utils/element-type.ts";
import type { CustomPage, PageComponentProps } from "../widget/custom-page.ts";
import type { SupportPage } from "../widget/routes.ts";

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
		if (isElementOf(child, SupportPageRoute)) {
			pages.push(child.props as CustomPage);
		}
	});
	return pages;
}
