import * as CollapsiblePrimitive from "@radix-ui/react-collapsible";
import { ChevronDown } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { cn } from "./cn.ts";

/** Props of {@link CollapsibleSection}. */
export interface CollapsibleSectionProps {
	title: ReactNode;
	/** Shown beside the title (a count). */
	meta?: ReactNode;
	defaultOpen?: boolean;
	children: ReactNode;
	className?: string;
}

/**
 * A titled block whose body folds away. The title is a heading holding the toggle button
 * (`aria-expanded`), so heading navigation still finds every section.
 */
export function CollapsibleSection({
	title,
	meta,
	defaultOpen = true,
	children,
	className,
}: CollapsibleSectionProps) {
	const [open, setOpen] = useState(defaultOpen);
	const id = useId();
	return (
		<CollapsiblePrimitive.Root
			open={open}
			onOpenChange={setOpen}
			className={cn("border-b border-border last:border-b-0", className)}
		>
			<h3 className="m-0">
				<CollapsiblePrimitive.Trigger
					id={id}
					className="group flex w-full items-center gap-2 px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset max-md:min-h-11"
				>
					<span className="flex-1">{title}</span>
					{meta ? <span className="font-normal normal-case tracking-normal">{meta}</span> : null}
					<ChevronDown
						className="size-4 transition-transform group-data-[state=closed]:-rotate-90"
						aria-hidden="true"
					/>
				</CollapsiblePrimitive.Trigger>
			</h3>
			<CollapsiblePrimitive.Content className="px-4 pb-4">{children}</CollapsiblePrimitive.Content>
		</CollapsiblePrimitive.Root>
	);
}
