import type { ReactNode } from "react";
import { SupportProvider } from "../../src/index.ts";

/**
 * A `SupportProvider` whose client never reaches a server (every request fails at once): enough
 * for UI-only components and primitives, which need only the widget's state.
 */
export function OfflineProvider({ children }: { children: ReactNode }) {
	return (
		<SupportProvider
			publicKey="pk_test_offline"
			clientOptions={{ fetch: () => Promise.reject(new TypeError("offline in this test")) }}
		>
			{children}
		</SupportProvider>
	);
}
