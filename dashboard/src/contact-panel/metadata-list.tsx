import type { MetadataValue } from "@cossistant/types";
import { PAIR, PAIRS } from "./pairs.ts";

/** Props of {@link MetadataList}. */
export interface MetadataListProps {
	/** Key-value pairs (primitives only), e.g. `{ plan: "Pro", mrr: 249 }`. */
	metadata: Record<string, MetadataValue>;
	/** Accessible name of the list, e.g. "Contact metadata". */
	label: string;
}

/** Short words that read better in capitals. */
const ACRONYMS = new Set(["mrr", "arr", "ltv", "id", "url", "api", "sso", "vat", "crm", "ip"]);

/** `mrr` → "MRR", `signupDate` → "Signup date", `seats_used` → "Seats used". */
export function metadataLabel(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, "$1 $2")
		.split(/[\s_.-]+/)
		.filter(Boolean)
		.map((word) => word.toLowerCase());
	if (words.length === 0) return key;
	return words
		.map((word, index) => {
			if (ACRONYMS.has(word)) return word.toUpperCase();
			return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
		})
		.join(" ");
}

/** A value as a person reads it: numbers grouped, booleans as Yes / No, null as a dash. */
export function metadataValue(value: MetadataValue): string {
	if (value === null) return "—";
	if (typeof value === "boolean") return value ? "Yes" : "No";
	if (typeof value === "number") return value.toLocaleString();
	return value;
}

/**
 * A contact's or organization's metadata as a description list, sorted by key so the same
 * contact always reads the same way.
 */
export function MetadataList({ metadata, label }: MetadataListProps) {
	const keys = Object.keys(metadata).sort((a, b) => a.localeCompare(b));
	if (keys.length === 0) return null;
	return (
		// biome-ignore lint/a11y/useSemanticElements: name / value pairs, not form controls: a fieldset would mislead
		<div role="group" aria-label={label}>
			<dl className={PAIRS}>
				{keys.map((key) => (
					<div key={key} className={PAIR}>
						<dt>{metadataLabel(key)}</dt>
						<dd>{metadataValue(metadata[key] ?? null)}</dd>
					</div>
				))}
			</dl>
		</div>
	);
}
