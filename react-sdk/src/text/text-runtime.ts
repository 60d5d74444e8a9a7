import { en } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { fr } from "./locales/fr.ts";
import type { LocaleMessages, TextContext, TextFormatter, TextVariables } from "./text-types.ts";
import { createTextUtils } from "./text-utils.ts";
import type { SupportTextKey, TextArgs } from "./text-variables.ts";

export type { SupportTextKey, TextArgs, TextVariablesOf } from "./text-variables.ts";

/** Built-in locales. */
export type SupportLocale = "en" | "fr" | "es";

const BUILT_IN: Record<SupportLocale, LocaleMessages<SupportTextKey>> = { en, fr, es };

/**
 * Overrides of the widget's copy (`content` prop): per key a string, a map of locale → string,
 * or a formatter function receiving variables, context (visitor, website, locale) and `utils`.
 */
export type SupportTextContentOverrides = Partial<
	Record<SupportTextKey, string | Partial<Record<string, string>> | TextFormatter>
>;

/**
 * `format(key, variables)`: the text of a key in the active locale. Keys are typed, and so are
 * their variables: a missing required placeholder fails to compile.
 */
export type SupportTextFormatter = <K extends SupportTextKey>(
	key: K,
	...args: TextArgs<K>
) => string;

/** The locale to use: the prop when given, else the browser's, else English (base language). */
export function resolveLocale(requested: string | undefined, browser: string | undefined): string {
	if (requested) return baseLanguage(requested) || "en";
	const fromBrowser = baseLanguage(browser ?? "");
	return fromBrowser in BUILT_IN ? fromBrowser : "en";
}

function baseLanguage(tag: string): string {
	return tag.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** Builds the formatter for a locale, its overrides and context. */
export function createFormatter(
	locale: string,
	overrides: SupportTextContentOverrides | undefined,
	context: Omit<TextContext, "locale">,
): SupportTextFormatter {
	const messages: Partial<LocaleMessages<SupportTextKey>> = BUILT_IN[locale as SupportLocale] ?? {};
	const utils = createTextUtils(locale);
	const fullContext: TextContext = { ...context, locale };
	const format = (key: SupportTextKey, variables?: TextVariables): string => {
		const override = overrides?.[key];
		let source: string | TextFormatter | undefined;
		if (typeof override === "string" || typeof override === "function") source = override;
		else if (override && typeof override === "object") source = override[locale] ?? override.en;
		source ??= messages[key] ?? en[key];
		const text =
			typeof source === "function" ? source({ variables, context: fullContext, utils }) : source;
		return interpolate(text, variables);
	};
	return format as SupportTextFormatter;
}

function interpolate(text: string, variables: TextVariables | undefined): string {
	if (!variables) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = variables[name];
		return value === undefined ? whole : String(value);
	});
}
