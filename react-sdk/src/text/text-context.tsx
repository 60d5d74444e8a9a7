import {
	type ComponentPropsWithoutRef,
	createContext,
	type ElementType,
	type ReactNode,
	useContext,
	useMemo,
	useSyncExternalStore,
} from "react";
import { useOptionalSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import {
	createFormatter,
	resolveLocale,
	type SupportTextContentOverrides,
	type SupportTextFormatter,
	type SupportTextKey,
	type TextVariablesOf,
} from "./text-runtime.ts";
import type { TextVariables } from "./text-types.ts";

interface TextSettings {
	locale: string | undefined;
	content: SupportTextContentOverrides | undefined;
}

const TextSettingsContext = createContext<TextSettings>({ locale: undefined, content: undefined });

/** Sets the widget's locale and copy overrides for its subtree (done by `<Support>`). */
export function SupportTextProvider({
	locale,
	content,
	children,
}: TextSettings & { children?: ReactNode }) {
	const value = useMemo(() => ({ locale, content }), [locale, content]);
	return <TextSettingsContext.Provider value={value}>{children}</TextSettingsContext.Provider>;
}

const subscribeNever = () => () => {};

/** The browser's language after hydration (`undefined` on the server and while hydrating). */
function useBrowserLanguage(): string | undefined {
	return useSyncExternalStore(
		subscribeNever,
		() => (typeof navigator === "undefined" ? undefined : navigator.language),
		() => undefined,
	);
}

/**
 * The widget's active locale (the `locale` prop, else the browser's built-in one, else `en`),
 * for formatting dates and numbers the way the copy speaks.
 */
export function useSupportLocale(): string {
	const { locale } = useContext(TextSettingsContext);
	return resolveLocale(locale, useBrowserLanguage());
}

/**
 * The widget's text formatter: `format(key, variables?)` in the active locale (the `locale`
 * prop, else the browser's, else English), with the `content` overrides applied. Stable until
 * the locale, overrides or context (visitor, website) change.
 *
 * @example
 * const text = useSupportText();
 * <button>{text("common.actions.askQuestion")}</button>
 */
export function useSupportText(): SupportTextFormatter {
	const { content } = useContext(TextSettingsContext);
	const client = useOptionalSupportSession()?.client;
	const visitor = useStore(client?.visitorState, (state) => state?.visitor ?? null);
	const website = useStore(client?.visitorState, (state) => state?.website ?? null);
	const active = useSupportLocale();
	return useMemo(
		() => createFormatter(active, content, { visitor, website }),
		[active, content, visitor, website],
	);
}

/** Props of `<Text>`. */
export type TextProps<K extends SupportTextKey = SupportTextKey, E extends ElementType = "span"> = {
	/** The text key (typed; see the Locale & Text docs for the list). */
	textKey: K;
	/** Element to render. @default "span" */
	as?: E;
} & (object extends TextVariablesOf<K>
	? { variables?: TextVariablesOf<K> }
	: { variables: TextVariablesOf<K> }) &
	Omit<ComponentPropsWithoutRef<E>, "children">;

/**
 * A text of the widget in the active locale; renders `data-key-name` so keys are easy to find
 * in dev tools.
 *
 * @example
 * <Text textKey="page.home.tagline" as="p" />
 */
export function Text<K extends SupportTextKey, E extends ElementType = "span">(
	props: TextProps<K, E>,
) {
	const { textKey, variables, as, ...rest } = props as TextProps & { variables?: TextVariables };
	const format = useSupportText() as (key: SupportTextKey, variables?: TextVariables) => string;
	const Component: ElementType = as ?? "span";
	return (
		<Component data-key-name={textKey} {...rest}>
			{format(textKey, variables)}
		</Component>
	);
}
