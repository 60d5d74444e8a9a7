import * as PopoverPrimitive from "@radix-ui/react-popover";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;

/**
 * A popover's panel. `portal={false}` keeps it inside its trigger's region in the DOM (what a
 * screen reader's region navigation and scoped queries expect); it still floats above.
 */
export function PopoverContent({
	className,
	align = "start",
	sideOffset = 6,
	portal = true,
	...props
}: ComponentProps<typeof PopoverPrimitive.Content> & { portal?: boolean }) {
	const content = (
		<PopoverPrimitive.Content
			align={align}
			sideOffset={sideOffset}
			className={cn(
				"z-50 w-72 rounded-lg border border-border bg-popover p-0 text-popover-foreground shadow-lg outline-none animate-in",
				className,
			)}
			{...props}
		/>
	);
	return portal ? <PopoverPrimitive.Portal>{content}</PopoverPrimitive.Portal> : content;
}
