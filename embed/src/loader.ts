// The script tag a website pastes: reads its own data attributes, defines `window.Cossistant`,
// replays the calls queued by the snippet's stub, then loads the widget bundle and its CSS from
// beside itself into a shadow root (so the page's CSS and the widget's never meet). It stays
// tiny (no imports but types): every page of the site downloads it.
import type { EmbedConfig, EmbedEventName, MountWidget, WidgetController } from "./embed-types.ts";

type Listener = (payload?: unknown) => void;
type Api = ((name: string, ...args: unknown[]) => unknown) & Record<string, unknown>;
/**
 * What a page may have put on `window.Cossistant` before the loader ran: the one-line function
 * stub (`Cossistant("show")` calls in `q`) or the docs' object stub (`Cossistant.show()` calls
 * in `__queue` as `{ method, args }`).
 */
type Stub = {
	q?: ArrayLike<unknown>[];
	__queue?: { method: string; args?: ArrayLike<unknown> }[];
	__loaded?: boolean;
};

declare global {
	interface Window {
		Cossistant?: Api | Stub;
	}
}

const PREFIX = "Cossistant:";
const HOST_TAG = "cossistant-widget";

// Read now: `document.currentScript` is only set while this script first runs.
const script = document.currentScript as HTMLScriptElement | null;
const existing = window.Cossistant;

if (!script?.src) {
	console.error(PREFIX, "load loader.js with a <script src> tag");
} else if ((existing as Stub | undefined)?.__loaded) {
	// A second copy of the loader on the page: the first one stays in charge.
} else {
	start(script, existing as Stub | undefined);
}

function start(script: HTMLScriptElement, stub: Stub | undefined): void {
	// The directory the loader came from: the bundle, its chunks and its CSS sit beside it.
	const base = new URL(".", script.src).href;
	const data = script.dataset;
	const fromTag: EmbedConfig = {
		// The loader is served at `<server>/widget/<version>/loader.js`, the API at `<server>/v1`.
		apiUrl: data.apiUrl || new URL("../../v1", base).href,
	};
	if (data.publicKey) fromTag.publicKey = data.publicKey;
	if (data.wsUrl) fromTag.wsUrl = data.wsUrl;

	const listeners: Partial<Record<string, Listener[]>> = {};
	/** Commands for the widget while its bundle loads, replayed in order once it is mounted. */
	let pending: [keyof WidgetController, unknown][] = [];
	let config: EmbedConfig | null = null;
	let widget: WidgetController | null = null;
	let host: HTMLElement | null = null;
	/** Bumped by `destroy`, so a bundle that arrives afterwards mounts nothing. */
	let generation = 0;

	const emit = (name: EmbedEventName, payload?: unknown) => {
		for (const listener of listeners[name]?.slice() ?? []) {
			try {
				listener(payload);
			} catch (error) {
				console.error(PREFIX, `a "${name}" listener threw`, error);
			}
		}
	};
	const forward = (name: keyof WidgetController) => (argument?: unknown) => {
		if (widget) (widget[name] as (value?: unknown) => void)(argument);
		else pending.push([name, argument]);
	};

	const mount = (current: number) => {
		if (current !== generation || !config) return;
		const element = document.createElement(HOST_TAG);
		// Inline and important: no page rule reaches the host, and nothing inherits through it.
		element.style.setProperty("all", "initial", "important");
		const root = element.attachShadow({ mode: "open" });
		const link = document.createElement("link");
		link.rel = "stylesheet";
		link.href = `${base}widget.css`;
		const styled = new Promise((done) => {
			link.onload = link.onerror = done;
		});
		root.append(link);
		document.body.append(element);
		host = element;
		Promise.all([import(`${base}widget.js`) as Promise<{ mount: MountWidget }>, styled]).then(
			([bundle]) => {
				if (current !== generation || !config) return;
				widget = bundle.mount(root, config, emit);
				emit("ready");
				// The page's calls made while the bundle loaded, in order.
				const replay = pending;
				pending = [];
				for (const [name, argument] of replay)
					(widget[name] as (value?: unknown) => void)(argument);
			},
			(error) => console.error(PREFIX, "the widget could not be loaded", error),
		);
	};

	const methods = {
		/** Starts the widget; the script tag's data attributes are the defaults. */
		init(options?: EmbedConfig) {
			if (config) return console.warn(PREFIX, "already initialised (use updateConfig)");
			config = { ...fromTag, ...options };
			if (!config.publicKey) console.warn(PREFIX, "no public key (data-public-key)");
			const current = generation;
			if (document.body) mount(current);
			else document.addEventListener("DOMContentLoaded", () => mount(current));
		},
		show: forward("show"),
		hide: forward("hide"),
		toggle: forward("toggle"),
		identify: forward("identify"),
		updateConfig(options: EmbedConfig) {
			if (config && !widget) config = { ...config, ...options };
			else forward("updateConfig")(options);
		},
		/** Subscribes to a widget event; returns the function that unsubscribes. */
		on(name: EmbedEventName, listener: Listener) {
			if (typeof listener === "function") listeners[name] = [...(listeners[name] ?? []), listener];
			return () => methods.off(name, listener);
		},
		off(name: EmbedEventName, listener: Listener) {
			const list = listeners[name];
			if (list) listeners[name] = list.filter((l) => l !== listener);
		},
		/** Removes the widget, its listeners and pending calls; `init` may start it again. */
		destroy() {
			generation += 1;
			widget?.destroy();
			host?.remove();
			widget = host = config = null;
			pending = [];
			for (const name in listeners) delete listeners[name];
		},
	};

	const api = ((name: string, ...args: unknown[]) => {
		const method = (methods as Record<string, unknown>)[name];
		if (typeof method !== "function") return console.error(PREFIX, `unknown command "${name}"`);
		return method(...args);
	}) as Api;
	Object.assign(api, methods, { __loaded: true });
	window.Cossistant = api;

	const queued = [
		...Array.from(stub?.q ?? [], (args) => Array.from(args) as [string, ...unknown[]]),
		...Array.from(
			stub?.__queue ?? [],
			({ method, args }) => [method, ...Array.from(args ?? [])] as [string, ...unknown[]],
		),
	];
	// A key on the tag starts the widget, unless the page queued its own `init` (with options).
	if (fromTag.publicKey && !queued.some(([name]) => name === "init")) methods.init();
	for (const args of queued) api(...args);
}
