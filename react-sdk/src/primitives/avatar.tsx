import { type HTMLAttributes, useState } from "react";
import { safeHref } from "../utils/linkify.ts";

const ACCENTS = ["pink", "yellow", "blue", "orange"] as const;

/** Props of `<Primitives.Avatar>`. */
export type AvatarProps = HTMLAttributes<HTMLSpanElement> & {
	/** The person's name: the image's alt text and the fallback's initials. */
	name: string;
	/** Image URL (http(s) only); the initials show when absent or broken. */
	src?: string | null;
};

/** Up to two initials of a name. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((word) => word[0]?.toUpperCase() ?? "")
		.join("");
}

/**
 * Headless avatar: the image, or initials with a stable `data-accent` (pink, yellow, blue,
 * orange) derived from the name for the fallback's colour.
 *
 * @example
 * <Primitives.Avatar name={agent.name} src={agent.image} />
 */
export function Avatar({ name, src, ...props }: AvatarProps) {
	const [broken, setBroken] = useState(false);
	const href = src ? safeHref(src) : null;
	const accent =
		ACCENTS[[...name].reduce((sum, char) => sum + (char.codePointAt(0) ?? 0), 0) % ACCENTS.length];
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
