import type { en } from "./locales/en.ts";
import type { TextVariables } from "./text-types.ts";

type English = typeof en;

/** Every text key of the widget. */
export type SupportTextKey = keyof English;

/** The `{name}` placeholders of a copy string. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
	? Name | Placeholders<Rest>
	: never;

/** Variables of the keys whose English copy is a formatter function. */
interface FormatterVariables {
	"component.trigger.unread": { count: number };
	"page.home.greeting": { visitorName?: string };
	"page.home.history.more": { count: number };
}

/** The variables key `K` takes: its placeholders, or its formatter's declared variables. */
export type TextVariablesOf<K extends SupportTextKey> = K extends keyof FormatterVariables
	? FormatterVariables[K]
	: English[K] extends string
		? { [Name in Placeholders<English[K]>]: string | number }
		: TextVariables;

/** `variables` is required exactly when the key has a required placeholder. */
export type TextArgs<K extends SupportTextKey> =
	object extends TextVariablesOf<K>
		? [variables?: TextVariablesOf<K>]
		: [variables: TextVariablesOf<K>];
