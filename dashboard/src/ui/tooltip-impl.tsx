import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";
import { cn } from "./cn.ts";

/** Props of {@link TooltipImpl}. */
export interface TooltipImplProps {
	/** The element described (a button): it becomes the trigger. */
	children: ReactElement;
	content: ReactNode;
	side?: "top" | "right" | "bottom" | "left";
	className?: string;
}

/**
 * A Radix tooltip on its trigger, with its own provider (tooltips load lazily, one by one, so no
 * shared provider wraps the app). Shows on hover and keyboard focus, Escape hides it.
 */
export function TooltipImpl({ children, content, side, className }: TooltipImplProps) {
	return (
		<TooltipPrimitive.Provider delayDuration={400} skipDelayDuration={300}>
			<TooltipPrimitive.Root>
				<TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
				{/* Not in a portal: the bubble stays inside its trigger's landmark (it is fixed-positioned). */}
				<TooltipPrimitive.Content
					side={side}
					sideOffset={6}
					className={cn(
						"z-50 flex items-center gap-2 rounded-md bg-foreground px-2.5 py-1.5 text-xs text-background shadow-md animate-in",
						className,
					)}
				>
					{content}
				</TooltipPrimitive.Content>
			</TooltipPrimitive.Root>
		</TooltipPrimitive.Provider>
	);
}
