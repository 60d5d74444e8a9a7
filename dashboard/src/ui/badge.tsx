import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

export const badgeVariants = cva(
	"inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-1.5 py-px text-xs font-medium [&_svg]:size-3",
	{
		variants: {
			variant: {
				default: "border-transparent bg-primary text-primary-foreground",
				secondary: "border-transparent bg-secondary text-secondary-foreground",
				outline: "border-border text-muted-foreground",
				success: "border-transparent bg-success/12 text-success",
				warning: "border-transparent bg-warning/12 text-warning",
				danger: "border-transparent bg-danger/12 text-danger",
				info: "border-transparent bg-info/12 text-info",
				note: "border-note-border bg-note text-note-foreground",
			},
		},
		defaultVariants: { variant: "secondary" },
	},
);

/** A short label: a status, a priority, a tag. */
export function Badge({
	className,
	variant,
	...props
}: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
	return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
