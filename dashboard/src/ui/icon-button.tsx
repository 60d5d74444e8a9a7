import type { ReactNode } from "react";
import { Button, type ButtonProps } from "./button.tsx";
import { cn } from "./cn.ts";
import { Kbd } from "./kbd.tsx";
import { Tooltip } from "./tooltip.tsx";

/** Props of {@link IconButton}. */
export interface IconButtonProps extends Omit<ButtonProps, "children" | "size"> {
	/** The accessible name, also shown in the tooltip. */
	label: string;
	/** The icon (decorative: the label names the button). */
	icon: ReactNode;
	/** A keyboard shortcut: shown in the tooltip and announced with `aria-keyshortcuts`. */
	shortcut?: string;
	size?: "icon" | "icon-sm";
}

/** A square button showing only an icon, named by `label`, with a tooltip naming it again. */
export function IconButton({
	label,
	icon,
	shortcut,
	size = "icon",
	variant = "ghost",
	className,
	...props
}: IconButtonProps) {
	return (
		<Tooltip
			content={
				<>
					{label}
					{shortcut ? (
						<Kbd className="border-background/30 bg-background/15 text-background">{shortcut}</Kbd>
					) : null}
				</>
			}
		>
			<Button
				size={size}
				variant={variant}
				aria-label={label}
				aria-keyshortcuts={shortcut?.toLowerCase()}
				className={cn("text-muted-foreground hover:text-foreground", className)}
				{...props}
			>
				{icon}
			</Button>
		</Tooltip>
	);
}
