import type { DefaultMessage } from "@cossistant/types";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { NavigationState } from "./routes.ts";

/** Who decides whether the widget is open: the widget itself, or the host (`open` prop). */
export interface OpenControl {
	open: boolean;
	onOpenChange?: (open: boolean) => void;
}

/** The widget's UI state: open or closed, page and history, welcome copy. */
export interface WidgetState {
	/** Open in uncontrolled mode; `null` until a `<Support defaultOpen>` (or a user) decided. */
	isOpen: boolean | null;
	/** Set while a `<Support open={…}>` controls the open state. */
	control: OpenControl | null;
	size: "normal" | "larger";
	navigation: { current: NavigationState; previousPages: NavigationState[] };
	/** Welcome messages shown before a conversation starts (latest `SupportConfig` wins). */
	defaultMessages: DefaultMessage[];
	/** Suggested first messages (latest `SupportConfig` wins). */
	quickOptions: string[];
	/**
	 * Unsent composer text per conversation id (`PENDING_CONVERSATION_ID` for a new one), so a
	 * draft survives closing the window or visiting another page.
	 */
	drafts: Record<string, string>;
}

/** Actions of the widget store; every one is safe to call from any component or the handle. */
export interface WidgetActions {
	open(): void;
	close(): void;
	toggle(): void;
	navigate(state: NavigationState): void;
	replace(state: NavigationState): void;
	goBack(): void;
	setControl(control: OpenControl | null): void;
	/** Applies `defaultOpen` once: only while nobody decided yet. */
	initOpen(open: boolean): void;
	setDefaultMessages(messages: DefaultMessage[]): void;
	setQuickOptions(options: string[]): void;
	setSize(size: WidgetState["size"]): void;
	/** Keeps (or, when empty, forgets) the draft of a conversation. */
	setDraft(conversationId: string, text: string): void;
}

export type WidgetStore = StoreApi<WidgetState> & { actions: WidgetActions };

/** Whether the widget is open, honouring the host's control. */
export function selectIsOpen(state: WidgetState): boolean {
	return state.control ? state.control.open : (state.isOpen ?? false);
}

/**
 * The framework-free store of one widget instance (created per `SupportProvider`, never at
 * module level, so concurrent server renders never share it).
 *
 * @example
 * const widget = createWidgetStore();
 * widget.actions.navigate({ page: "CONVERSATION_HISTORY" });
 * widget.actions.goBack();
 */
export function createWidgetStore(initial: Partial<WidgetState> = {}): WidgetStore {
	const store = createStore<WidgetState>(() => ({
		isOpen: null,
		control: null,
		size: "normal",
		navigation: { current: { page: "HOME" }, previousPages: [] },
		defaultMessages: [],
		quickOptions: [],
		drafts: {},
		...initial,
	}));
	const setOpen = (open: boolean) => {
		const { control } = store.getState();
		if (control) control.onOpenChange?.(open);
		else store.setState({ isOpen: open });
	};
	const actions: WidgetActions = {
		open: () => setOpen(true),
		close: () => setOpen(false),
		toggle: () => setOpen(!selectIsOpen(store.getState())),
		navigate: (next) =>
			store.setState(({ navigation }) => ({
				navigation: {
					current: next,
					previousPages: [...navigation.previousPages, navigation.current],
				},
			})),
		replace: (next) =>
			store.setState(({ navigation }) => ({ navigation: { ...navigation, current: next } })),
		goBack: () =>
			store.setState(({ navigation }) => {
				const previous = navigation.previousPages.at(-1);
				if (!previous) return {};
				return {
					navigation: {
						current: previous,
						previousPages: navigation.previousPages.slice(0, -1),
					},
				};
			}),
		setControl: (control) => store.setState({ control }),
		initOpen: (open) => {
			if (store.getState().isOpen === null) store.setState({ isOpen: open });
		},
		setDefaultMessages: (defaultMessages) => store.setState({ defaultMessages }),
		setQuickOptions: (quickOptions) => store.setState({ quickOptions }),
		setSize: (size) => store.setState({ size }),
		setDraft: (conversationId, text) =>
			store.setState((state) => {
				// The same state object: zustand then notifies nobody (drafts change per keystroke).
				if ((state.drafts[conversationId] ?? "") === text) return state;
				const { [conversationId]: _previous, ...others } = state.drafts;
				return { drafts: text === "" ? others : { ...others, [conversationId]: text } };
			}),
	};
	return Object.assign(store, { actions });
}
