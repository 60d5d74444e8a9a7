import { type HTMLAttributes, useState } from "react";
import { safeHref } from "../utils/linkify.ts";

const ACCENTS = ["pink", "yellow", "blue", "orange"] as const;

/** Props of `<Primitives.Avatar>`. */
export type AvatarProps = HTMLAttributes<HTMLSpanElement> & {
	/** The person's name: the image's alt text and the fallback's initials. */
	name: string;
	/** Image URL (http(s) only); the initials show when absent or broken. */
	src?: string | null;
	/**
	 * What picks the fallback's accent, e.g. the participant's id, so one person keeps one
	 * colour wherever they appear (defaults to `name`).
	 */
	accentKey?: string;
};

/** Up to two initials of a name. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((word) => word[0]?.toUpperCase() ?? "")
		.join("");
}

/** One of the four accents (pink, yellow, blue, orange), always the same for the same key. */
export function accentOf(key: string): (typeof ACCENTS)[number] {
	const sum = [...key].reduce((total, char) => total + (char.codePointAt(0) ?? 0), 0);
	return ACCENTS[sum % ACCENTS.length] ?? "pink";
}

/**
 * Headless avatar: the image, or initials with a stable `data-accent` (pink, yellow, blue,
 * orange) derived from `accentKey` (or the name) for the fallback's colour.
 *
 * @example
 * <Primitives.Avatar name={agent.name} src={agent.image} />
 */
export function Avatar({ name, src, accentKey, ...props }: AvatarProps) {
	const [broken, setBroken] = useState(false);
	const href = src ? safeHref(src) : null;
	const accent = accentOf(accentKey ?? name);
	return (
		<span data-accent={accent} {...props}>
			{href && !broken ? (
				<img src={href} alt={name} onError={() => setBroken(true)} />
			) : (
				<span role="img" aria-label={name}>
					{initials(name)}
				</span>
			)}
		</span>
	);
}
