// Support State: pass the config to the provider.
"use client";

import { SupportProvider } from "@cossistant/react";
import { support } from "@/support";

export function Providers({ children }: { children: React.ReactNode }) {
	return <SupportProvider support={support}>{children}</SupportProvider>;
}
