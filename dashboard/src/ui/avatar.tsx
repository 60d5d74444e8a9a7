import * as AvatarPrimitive from "@radix-ui/react-avatar";
import { cn } from "./cn.ts";

/** Background hues for initials, picked from the person's id so a person keeps their colour. */
const HUES = [
	"bg-rose-600",
	"bg-orange-700",
	"bg-amber-700",
	"bg-lime-700",
	"bg-emerald-700",
	"bg-teal-700",
	"bg-cyan-700",
	"bg-sky-700",
	"bg-indigo-600",
	"bg-violet-600",
	"bg-fuchsia-700",
	"bg-pink-700",
] as const;

/** "Camille Martin" → "CM", "ada@example.com" → "AD", "Amber Otter" → "AO". */
export function initials(name: string): string {
	const words = name
		.replace(/@.*$/, "")
		.split(/[\s._-]+/)
		.filter(Boolean);
	const [first, second] = words;
	if (!first) return "?";
	if (!second) return first.slice(0, 2).toUpperCase();
	return `${first[0]}${second[0]}`.toUpperCase();
}

function hueOf(seed: string): string {
	let hash = 0;
	for (let index = 0; index < seed.length; index++)
		hash = (hash * 31 + seed.charCodeAt(index)) >>> 0;
	return HUES[hash % HUES.length] ?? HUES[0];
}

/** Props of {@link Avatar}. */
export interface AvatarProps {
	/** Whose avatar: initials come from it. */
	name: string;
	/** A stable id (visitor, user) for the fallback colour; the name when absent. */
	seed?: string;
	/** A picture; the initials show while it loads and when it fails. */
	src?: string | null;
	size?: "xs" | "sm" | "md" | "lg";
	className?: string;
}

const SIZES = {
	xs: "size-5 text-[9px]",
	sm: "size-7 text-[11px]",
	md: "size-9 text-xs",
	lg: "size-12 text-base",
} as const;

/** A round picture of a person, or their initials on a colour of their own. Decorative. */
export function Avatar({ name, seed, src, size = "md", className }: AvatarProps) {
	return (
		<AvatarPrimitive.Root
			data-slot="avatar"
			aria-hidden="true"
			className={cn(
				"relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold text-white",
				SIZES[size],
				hueOf(seed ?? name),
				className,
			)}
		>
			{src ? <AvatarPrimitive.Image src={src} alt="" className="size-full object-cover" /> : null}
			<AvatarPrimitive.Fallback delayMs={src ? 300 : 0}>{initials(name)}</AvatarPrimitive.Fallback>
		</AvatarPrimitive.Root>
	);
}
