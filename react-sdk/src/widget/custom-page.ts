import type { ComponentType } from "react";
import type { RouteRegistry, SupportPage } from "./routes.ts";

/** Props a page component receives: its typed params. */
export interface PageComponentProps<K extends SupportPage = SupportPage> {
	params: RouteRegistry[K];
}

/**
 * A page added to the widget's router. `name` must be registered in `RouteRegistry`; the
 * component receives that page's params.
 *
 * @example
 * const pages: CustomPage[] = [{ name: "FAQ", component: FAQPage }];
 */
export type CustomPage = {
	[K in SupportPage]: { name: K; component: ComponentType<PageComponentProps<K>> };
}[SupportPage];
