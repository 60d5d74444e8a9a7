import { lazy, Suspense } from "react";
import { useSupportText } from "../text/text-context.tsx";
import type { RouterProps } from "./router.tsx";

// The pages, timeline and composer are their own chunk: they load when the window first
// renders (or on idle with the client), not before the trigger shows.
const RouterContent = lazy(() =>
	import("./router.tsx").then((module) => ({ default: module.SupportRouterContent })),
);

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
export function SupportRouter(props: RouterProps) {
	return (
		<Suspense fallback={<RouterFallback />}>
			<RouterContent {...props} />
		</Suspense>
	);
}

function RouterFallback() {
	const text = useSupportText();
	return (
		<p className="co-window-loading" role="status">
			{text("component.window.loading")}
		</p>
	);
}
