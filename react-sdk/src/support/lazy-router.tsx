import { lazy, Suspense } from "react";
import { loadClientModule } from "../provider/load-client.ts";
import { useSupportText } from "../text/text-context.tsx";
import type { RouterProps } from "./router.tsx";

// The pages, timeline and composer load with the client's chunk (on idle or when the window
// first renders), not before the trigger shows.
const RouterContent = lazy(() =>
	loadClientModule().then((module) => ({ default: module.SupportRouterContent })),
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
