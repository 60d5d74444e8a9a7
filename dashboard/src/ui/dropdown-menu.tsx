import * as MenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuGroup = MenuPrimitive.Group;

/**
 * The menu's panel. `portal={false}` keeps it inside its trigger's landmark in the DOM; use it
 * with a non-modal menu (`<DropdownMenu modal={false}>`), which leaves the page readable.
 */
export function DropdownMenuContent({
	className,
	sideOffset = 6,
	align = "end",
	portal = true,
	...props
}: ComponentProps<typeof MenuPrimitive.Content> & { portal?: boolean }) {
	const content = (
		<MenuPrimitive.Content
			sideOffset={sideOffset}
			align={align}
			className={cn(
				"z-50 min-w-48 rounded-lg border border-border bg-popover p-1 text-popover-foreground shadow-lg animate-in",
				className,
			)}
			{...props}
		/>
	);
	return portal ? <MenuPrimitive.Portal>{content}</MenuPrimitive.Portal> : content;
}

/** A menu item; `variant="destructive"` for the dangerous ones (blocking a visitor). */
export function DropdownMenuItem({
	className,
	variant = "default",
	...props
}: ComponentProps<typeof MenuPrimitive.Item> & { variant?: "default" | "destructive" }) {
	return (
		<MenuPrimitive.Item
			className={cn(
				"relative flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-[disabled]:pointer-events-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground data-[disabled]:opacity-50 max-md:min-h-11 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground",
				variant === "destructive" &&
					"text-danger data-[highlighted]:bg-danger/10 data-[highlighted]:text-danger [&_svg]:text-danger",
				className,
			)}
			{...props}
		/>
	);
}

export function DropdownMenuLabel({
	className,
	...props
}: ComponentProps<typeof MenuPrimitive.Label>) {
	return (
		<MenuPrimitive.Label
			className={cn("px-2 py-1.5 text-xs font-medium text-muted-foreground", className)}
			{...props}
		/>
	);
}

export function DropdownMenuSeparator({
	className,
	...props
}: ComponentProps<typeof MenuPrimitive.Separator>) {
	return (
		<MenuPrimitive.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />
	);
}
