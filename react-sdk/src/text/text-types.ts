import type { PublicVisitor, PublicWebsiteResponse } from "@cossistant/types";
import type { TextUtils } from "./text-utils.ts";

/** Variables a text may interpolate (`{name}` in strings). */
export type TextVariables = Record<string, string | number | undefined>;

/** What formatter functions see besides their variables. */
export interface TextContext {
	visitor: PublicVisitor | null;
	website: PublicWebsiteResponse | null;
	locale: string;
}

/** A formatter function: full control over one text. */
export type TextFormatter = (args: {
	variables: TextVariables | undefined;
	context: TextContext;
	utils: TextUtils;
}) => string;

/** One locale's copy: a string (with `{variables}`) or a formatter per key. */
export type LocaleMessages<K extends string> = Record<K, string | TextFormatter>;
