import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** Shared look of text fields, text areas and selects. */
export const fieldClass =
	"w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-sm shadow-xs transition-colors outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-danger aria-[invalid=true]:ring-danger/30 max-md:text-base";

export function Input({ className, ...props }: ComponentProps<"input">) {
	return <input className={cn(fieldClass, "h-9 max-md:h-11", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
	return <textarea className={cn(fieldClass, "min-h-16 resize-y py-2", className)} {...props} />;
}

/** A native select (the platform's own picker on phones, a real listbox for screen readers). */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
	return (
		<select
			className={cn(fieldClass, "native-select h-9 appearance-none pr-8 max-md:h-11", className)}
			{...props}
		/>
	);
}

export function Label({ className, ...props }: ComponentProps<"label">) {
	// biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor or wrap the control
	return <label className={cn("text-sm font-medium leading-none", className)} {...props} />;
}
