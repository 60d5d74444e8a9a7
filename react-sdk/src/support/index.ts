import type { SupportPageName } from "../widget/routes.ts";
import { SupportContent } from "./content.tsx";
import { SupportRouter } from "./lazy-router.tsx";
import { SupportPageRoute } from "./page-route.tsx";
import { SupportRoot } from "./root.tsx";
import { Support as SupportWidget } from "./support.tsx";
import { SupportTrigger } from "./trigger.tsx";

// The parts under names of their own too: a React Server Component cannot "dot into" a client
// reference (`Support.Trigger`), so Next.js pages import `SupportTrigger`, `SupportContent`…
export { SupportContent, SupportRoot, SupportRouter, SupportTrigger };

/**
 * `Support.Page` under its own name: registers a page with the router (renders nothing).
 *
 * @example
 * <Support>
 *   <SupportPage name="FAQ" component={FAQPage} />
 * </Support>
 */
export const SupportPage = SupportPageRoute;
/** The name of a registered page (same as `SupportPageName`), under the component's name. */
export type SupportPage = SupportPageName;

/**
 * The support widget with its compound parts: `Support.Root`, `Support.Trigger`,
 * `Support.Content`, `Support.Router` and `Support.Page`.
 *
 * @example
 * <Support>
 *   <Support.Trigger>{({ isOpen }) => (isOpen ? "Close" : "Help")}</Support.Trigger>
 *   <Support.Content side="bottom">
 *     <Support.Router>
 *       <Support.Page name="FAQ" component={FAQPage} />
 *     </Support.Router>
 *   </Support.Content>
 * </Support>
 */
export const Support = Object.assign(SupportWidget, {
	Root: SupportRoot,
	Trigger: SupportTrigger,
	Content: SupportContent,
	Router: SupportRouter,
	Page: SupportPageRoute,
});
