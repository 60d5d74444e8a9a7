import { SupportContent } from "./content.tsx";
import { SupportRouter } from "./lazy-router.tsx";
import { SupportPageRoute } from "./page-route.tsx";
import { SupportRoot } from "./root.tsx";
import { Support as SupportWidget } from "./support.tsx";
import { SupportTrigger } from "./trigger.tsx";

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
