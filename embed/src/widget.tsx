// The widget bundle the loader imports: React, `SupportProvider` and `<Support />`, rendered into
// the loader's shadow root. The loader drives it through the returned controller; the open
// state lives here (controlled `<Support open>`), so API calls and the user's clicks agree.
import "@cossistant/react/styles.css";
import { IdentifySupportVisitor, Support, SupportProvider } from "@cossistant/react";
import type { IdentifyParams } from "@cossistant/types";
import { createRoot } from "react-dom/client";
import type { EmbedConfig, EmitEmbedEvent, MountWidget, WidgetController } from "./embed-types.ts";

/**
 * The page's colour scheme as the React widget reads it (`.dark` or `data-color-scheme` on an
 * ancestor). Its CSS selector cannot see past the shadow root, so the embed reads the page's
 * html and body here and passes the result as the `theme` prop.
 */
function pageTheme(): "light" | "dark" | undefined {
	for (const element of [document.documentElement, document.body]) {
		const scheme = element?.getAttribute("data-color-scheme");
		if (scheme === "dark" || scheme === "light") return scheme;
		if (element?.classList.contains("dark")) return "dark";
	}
	return undefined;
}

/** Renders the widget into `root`; see `MountWidget`. */
export const mount: MountWidget = (root, initial, emit) => {
	const container = document.createElement("div");
	root.append(container);
	const reactRoot = createRoot(container);
	let config: EmbedConfig = { ...initial };
	let identity: IdentifyParams | null = null;
	let open = false;
	let theme = pageTheme();

	const setOpen = (next: boolean) => {
		if (next === open) return;
		open = next;
		render();
		emit(next ? "open" : "close");
	};
	const render = () => reactRoot.render(widgetTree(config, identity, open, theme, setOpen, emit));

	// The page may switch its theme at any time (a dark-mode toggle).
	const observer = new MutationObserver(() => {
		const next = pageTheme();
		if (next !== theme) {
			theme = next;
			render();
		}
	});
	for (const element of [document.documentElement, document.body]) {
		observer.observe(element, {
			attributes: true,
			attributeFilter: ["class", "data-color-scheme"],
		});
	}
	render();

	const controller: WidgetController = {
		show: () => setOpen(true),
		hide: () => setOpen(false),
		toggle: () => setOpen(!open),
		identify(params) {
			identity = params;
			render();
		},
		updateConfig(partial) {
			config = { ...config, ...partial };
			render();
		},
		destroy() {
			observer.disconnect();
			reactRoot.unmount();
			container.remove();
		},
	};
	return controller;
};

function widgetTree(
	config: EmbedConfig,
	identity: IdentifyParams | null,
	open: boolean,
	pageTheme: "light" | "dark" | undefined,
	setOpen: (open: boolean) => void,
	emit: EmitEmbedEvent,
) {
	return (
		<SupportProvider
			publicKey={config.publicKey}
			apiUrl={config.apiUrl}
			wsUrl={config.wsUrl}
			size={config.size}
		>
			{identity ? <IdentifySupportVisitor {...identity} /> : null}
			<Support
				open={open}
				onOpenChange={setOpen}
				theme={config.theme ?? pageTheme}
				locale={config.locale}
				side={config.side}
				align={config.align}
				content={config.content}
				quickOptions={config.quickOptions}
				defaultMessages={config.defaultMessages}
				onConversationStart={(event) => emit("conversationStart", event)}
				onConversationEnd={(event) => emit("conversationEnd", event)}
				onMessageSent={(event) => emit("messageSent", event)}
				onMessageReceived={(event) => emit("messageReceived", event)}
				onError={(event) => emit("error", event)}
			/>
		</SupportProvider>
	);
}
