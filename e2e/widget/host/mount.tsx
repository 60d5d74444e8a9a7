// Steps 3 and 4 of the docs' React Quickstart (src/main.tsx): SupportProvider around the app and
// the plain-CSS theme. The key is passed explicitly ("Passing the key explicitly"), with the
// self-hosted server's apiUrl; the test server writes both into the page as `cossistantDemo`.
import "@cossistant/react/styles.css";
import { SupportProvider, type SupportProviderProps } from "@cossistant/react";
import type { ReactNode } from "react";
import { StrictMode } from "react";
import ReactDOM from "react-dom/client";
import "./host.css";

/** What the host server puts on `window` before the bundle runs. */
export interface DemoSettings {
	apiUrl: string;
	publicKey: string;
}

/** An `error` event SupportProvider's `onError` received, reduced to JSON the test can read. */
export interface ProviderError {
	context: string | undefined;
	code: string | undefined;
	message: string;
}

declare global {
	interface Window {
		cossistantDemo?: DemoSettings;
		supportProviderErrors: ProviderError[];
	}
}

/** The page's query string: per-test settings such as `locale` or `dark`. */
export const pageParams = new URLSearchParams(location.search);

/**
 * Renders `app` inside `SupportProvider`, as the Quickstart's `main.tsx` does. The `publicKey`
 * and `apiUrl` query settings replace the demo's (misconfiguration tests); the provider's
 * `onError` events are kept in `window.supportProviderErrors`.
 */
export function mount(app: ReactNode, providerProps: Partial<SupportProviderProps> = {}): void {
	const demo = window.cossistantDemo;
	const root = document.getElementById("root");
	if (!demo || !root) throw new Error("the host page needs #root and window.cossistantDemo");
	// How host apps mark dark mode: a `.dark` class (Tailwind, shadcn) or a data attribute.
	if (pageParams.get("dark") === "1") document.documentElement.classList.add("dark");
	const scheme = pageParams.get("colorScheme");
	if (scheme) document.body.setAttribute("data-color-scheme", scheme);
	window.supportProviderErrors = [];
	const onError: SupportProviderProps["onError"] = ({ error, context }) => {
		const code = (error as Error & { code?: string }).code;
		window.supportProviderErrors.push({ context, code, message: error.message });
	};
	ReactDOM.createRoot(root).render(
		<StrictMode>
			<SupportProvider
				publicKey={pageParams.get("publicKey") ?? demo.publicKey}
				apiUrl={pageParams.get("apiUrl") ?? demo.apiUrl}
				onError={onError}
				{...providerProps}
			>
				{app}
			</SupportProvider>
		</StrictMode>,
	);
}
