/** Helpers formatter functions receive as `utils` (docs: Locale & Text). */
export interface TextUtils {
	/** Locale-aware number formatting. */
	formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
	/** `singular` for 1, `plural` otherwise (plural rules of the locale). */
	pluralize: (count: number, singular: string, plural: string) => string;
	/** Capitalises every word. */
	titleCase: (value: string) => string;
	/** The visitor's time of day. */
	timeOfDay: (date?: Date) => { token: "morning" | "afternoon" | "evening"; hour: number };
}

/** The helpers for `locale`. */
export function createTextUtils(locale: string): TextUtils {
	const plurals = safe(() => new Intl.PluralRules(locale), new Intl.PluralRules("en"));
	return {
		formatNumber: (value, options) =>
			safe(() => new Intl.NumberFormat(locale, options).format(value), String(value)),
		pluralize: (count, singular, plural) => (plurals.select(count) === "one" ? singular : plural),
		titleCase: (value) =>
			value.replace(/\p{L}[\p{L}']*/gu, (word) => word[0]?.toUpperCase() + word.slice(1)),
		timeOfDay: (date = new Date()) => {
			const hour = date.getHours();
			const token = hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
			return { token, hour };
		},
	};
}

function safe<T>(make: () => T, fallback: T): T {
	try {
		return make();
	} catch {
		return fallback;
	}
}
