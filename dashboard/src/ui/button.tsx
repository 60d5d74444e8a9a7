import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/**
 * Button styles. Sizes grow to 44 px on touch-sized screens (below `md`), the smallest target
 * a thumb hits reliably; icon buttons stay square.
 */
export const buttonVariants = cva(
	"inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background disabled:pointer-events-none disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0",
	{
		variants: {
			variant: {
				default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
				destructive: "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive/90",
				outline:
					"border border-input bg-background shadow-xs hover:bg-accent hover:text-accent-foreground",
				secondary: "bg-secondary text-secondary-foreground hover:bg-secondary/80",
				ghost: "hover:bg-accent hover:text-accent-foreground",
				link: "h-auto px-0 text-link underline-offset-4 hover:underline",
			},
			size: {
				default: "h-9 px-4 max-md:h-11",
				sm: "h-8 gap-1.5 px-3 text-[13px] max-md:h-11",
				lg: "h-10 px-6",
				icon: "size-9 max-md:size-11",
				"icon-sm": "size-8 max-md:size-11",
			},
		},
		defaultVariants: { variant: "default", size: "default" },
	},
);

/** Props of {@link Button}; `asChild` renders the child (a link) with the button's styles. */
export type ButtonProps = ComponentProps<"button"> &
	VariantProps<typeof buttonVariants> & { asChild?: boolean };

/** The dashboard's button (shadcn/ui style). `type` defaults to "button", never "submit". */
export function Button({ className, variant, size, asChild = false, ...props }: ButtonProps) {
	const Component = asChild ? Slot : "button";
	return (
		<Component
			{...(asChild ? {} : { type: "button" as const })}
			className={cn(buttonVariants({ variant, size }), className)}
			{...props}
		/>
	);
}
