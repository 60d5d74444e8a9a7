import { type KeyValueStore, memoryKeyValueStore } from "@cossistant/core";
import { configure, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { SupportProvider, type SupportProviderProps } from "../../src/index.ts";
import type { WidgetServer } from "./widget-server.ts";

// The widget's pages are a lazy chunk, transformed on first import: on a loaded 2-core machine
// that alone can take longer than Testing Library's default 1 s for `findBy…` queries.
configure({ asyncUtilTimeout: 10_000 });

/**
 * Renders `ui` inside a `SupportProvider` connected to the test server, with its own memory
 * storage (a fresh visitor per render unless `storage` is shared). IndexedDB is absent in the
 * DOM environment, so the core keeps documents and the outbox in memory.
 */
export function renderWidget(
	server: WidgetServer,
	ui: ReactNode,
	options: { storage?: KeyValueStore; provider?: Partial<SupportProviderProps> } = {},
) {
	const storage = options.storage ?? memoryKeyValueStore();
	const { clientOptions, ...provider } = options.provider ?? {};
	// A wrapper (not a parent element), so `rerender(ui)` keeps the same provider and client.
	const wrapper = ({ children }: { children: ReactNode }) => (
		<SupportProvider
			apiUrl={server.demo.apiUrl}
			publicKey={server.demo.publicKey}
			clientOptions={{ storage, ...clientOptions }}
			{...provider}
		>
			{children}
		</SupportProvider>
	);
	return render(ui, { wrapper });
}

/** Clicks the default trigger and returns the window once it shows. */
export async function openWidget(): Promise<HTMLElement> {
	fireEvent.click(await screen.findByRole("button", { name: "Open support" }));
	return screen.findByRole("dialog", { name: "Support" });
}
