import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** A grey placeholder of the shape of what is loading (decorative: say "Loading…" beside it). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
	return (
		<div
			aria-hidden="true"
			className={cn("animate-pulse rounded-md bg-muted", className)}
			{...props}
		/>
	);
}
