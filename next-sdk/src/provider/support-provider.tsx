"use client";

import {
	SupportProvider as ReactSupportProvider,
	type SupportProviderProps as ReactSupportProviderProps,
} from "@cossistant/react";

/**
 * Props of `<SupportProvider>` from `@cossistant/next`: those of `@cossistant/react`'s, with
 * Next.js environment defaults for the server's address.
 */
export interface SupportProviderProps extends ReactSupportProviderProps {
	/**
	 * REST base URL. Defaults to `NEXT_PUBLIC_COSSISTANT_API_URL`, then `http://localhost:4000/v1`.
	 */
	apiUrl?: string;
	/**
	 * WebSocket URL. Defaults to `NEXT_PUBLIC_COSSISTANT_WS_URL`, then derived from `apiUrl`
	 * (`…/v1` → `…/ws`).
	 */
	wsUrl?: string;
}

/**
 * Connects the widget and the hooks to Cossistant. Render it once in the root layout (it is a
 * Client Component, so a Server Component layout can render it directly).
 *
 * Everything is configurable through `NEXT_PUBLIC_` variables, which Next.js inlines at build
 * time: the public key (`NEXT_PUBLIC_COSSISTANT_API_KEY`), the REST URL
 * (`NEXT_PUBLIC_COSSISTANT_API_URL`) and the WebSocket URL (`NEXT_PUBLIC_COSSISTANT_WS_URL`).
 *
 * @example
 * // app/layout.tsx
 * import { SupportProvider } from "@cossistant/next";
 * import "@cossistant/next/styles.css";
 *
 * export default function RootLayout({ children }: { children: React.ReactNode }) {
 *   return (
 *     <html lang="en">
 *       <body>
 *         <SupportProvider>{children}</SupportProvider>
 *       </body>
 *     </html>
 *   );
 * }
 */
export function SupportProvider({ apiUrl, wsUrl, ...props }: SupportProviderProps) {
	return (
		<ReactSupportProvider
			{...props}
			apiUrl={apiUrl ?? publicEnvApiUrl()}
			wsUrl={wsUrl ?? publicEnvWsUrl()}
		/>
	);
}

// Each variable is read with its literal name so Next.js inlines it into the client bundle; the
// `process` guard keeps the component usable where no bundler defined it.
function publicEnvApiUrl(): string | undefined {
	return typeof process === "undefined"
		? undefined
		: process.env.NEXT_PUBLIC_COSSISTANT_API_URL || undefined;
}

function publicEnvWsUrl(): string | undefined {
	return typeof process === "undefined"
		? undefined
		: process.env.NEXT_PUBLIC_COSSISTANT_WS_URL || undefined;
}
