import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** A bordered surface grouping one subject (a settings section). */
export function Card({ className, ...props }: ComponentProps<"section">) {
	return (
		<section
			className={cn(
				"rounded-xl border border-border bg-card text-card-foreground shadow-xs",
				className,
			)}
			{...props}
		/>
	);
}
