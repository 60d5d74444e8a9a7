// React Quickstart, step 2 ("Other") and the "Passing the key explicitly" note: the key as a prop.
import { SupportProvider } from "@cossistant/react";
import type { ReactNode } from "react";

// The docs show the opening tag alone; a component wraps it here.
export function WithKey({ children }: { children: ReactNode }) {
	return <SupportProvider publicKey="pk_test_xxxx">{children}</SupportProvider>;
}

// Vite's `import.meta.env` (typed by vite/client in a Vite app).
export function WithViteKey({ children }: { children: ReactNode }) {
	return (
		<SupportProvider publicKey={import.meta.env.VITE_COSSISTANT_API_KEY}>
			{children}
		</SupportProvider>
	);
}

declare global {
	interface ImportMetaEnv {
		readonly VITE_COSSISTANT_API_KEY: string;
	}
	interface ImportMeta {
		readonly env: ImportMetaEnv;
	}
}
