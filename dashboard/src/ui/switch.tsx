import * as SwitchPrimitive from "@radix-ui/react-switch";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/**
 * An on / off switch (`role="switch"`); name it with a `<label htmlFor>` or `aria-label`. The
 * button is the hit area, 44 × 44 px on phones around a 36 × 20 px track (the track alone is too
 * small for a thumb).
 */
export function Switch({ className, ...props }: ComponentProps<typeof SwitchPrimitive.Root>) {
	return (
		<SwitchPrimitive.Root
			className={cn(
				"group peer inline-flex shrink-0 items-center justify-center rounded-full outline-none disabled:cursor-not-allowed disabled:opacity-50 max-md:size-11",
				className,
			)}
			{...props}
		>
			<span
				aria-hidden="true"
				className="inline-flex h-5 w-9 items-center rounded-full border-2 border-transparent transition-colors group-focus-visible:ring-2 group-focus-visible:ring-ring group-focus-visible:ring-offset-2 group-focus-visible:ring-offset-background group-data-[state=checked]:bg-primary group-data-[state=unchecked]:bg-input"
			>
				<SwitchPrimitive.Thumb className="pointer-events-none block size-4 rounded-full bg-background shadow-sm ring-0 transition-transform data-[state=checked]:translate-x-4 data-[state=unchecked]:translate-x-0" />
			</span>
		</SwitchPrimitive.Root>
	);
}
