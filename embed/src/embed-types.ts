// The contract between the loader (loader.ts, tiny, on every page) and the widget bundle
// (widget.tsx, React included, loaded by the loader). Types only: nothing here reaches the
// loader's bytes.
import type { Align, Side, SupportEvent, SupportTextContentOverrides } from "@cossistant/react";
import type { DefaultMessage, IdentifyParams } from "@cossistant/types";

/**
 * Options of `Cossistant("init", …)` and `Cossistant("updateConfig", …)`. The script tag's
 * `data-public-key`, `data-api-url` and `data-ws-url` fill the first three; `init` options win.
 */
export interface EmbedConfig {
	/** Public key (`pk_test_…` / `pk_live_…`) of the website. */
	publicKey?: string;
	/** REST base URL. @default `../../v1` from the loader's URL (the sync-server serving it) */
	apiUrl?: string;
	/** WebSocket URL. @default derived from `apiUrl` (`…/v1` → `…/ws`) */
	wsUrl?: string;
	/** Locale of the widget's copy (`en`, `fr`, `es`). @default the browser's, then "en" */
	locale?: string;
	/** Force a theme. @default follows `.dark` / `data-color-scheme` on the page's html or body */
	theme?: "light" | "dark";
	/** Side of the trigger the window opens on. @default "top" */
	side?: Side;
	/** Alignment along that side. @default "end" */
	align?: Align;
	/** Widget size. @default "normal" */
	size?: "normal" | "larger";
	/** Suggested first messages. */
	quickOptions?: string[];
	/** Welcome messages shown before a conversation starts. */
	defaultMessages?: DefaultMessage[];
	/** Copy overrides (strings or per-locale maps). */
	content?: SupportTextContentOverrides;
}

/** Events `Cossistant("on", name, listener)` can follow. */
export type EmbedEventName = "ready" | "open" | "close" | SupportEvent["type"];

/** Hands an event of the widget to the loader's listeners. */
export type EmitEmbedEvent = (name: EmbedEventName, payload?: unknown) => void;

/** One mounted widget, driven by the loader. */
export interface WidgetController {
	/** Opens the support window. */
	show(): void;
	/** Closes the support window (the trigger stays). */
	hide(): void;
	/** Opens or closes the support window. */
	toggle(): void;
	/** Links the visitor to your signed-in user (sent only when the parameters changed). */
	identify(params: IdentifyParams): void;
	/** Merges options into the current configuration. */
	updateConfig(config: EmbedConfig): void;
	/** Unmounts the widget (the loader removes its host element). */
	destroy(): void;
}

/** The widget bundle's `mount` export: renders into `root` (a shadow root). */
export type MountWidget = (
	root: ShadowRoot,
	config: EmbedConfig,
	emit: EmitEmbedEvent,
) => WidgetController;
