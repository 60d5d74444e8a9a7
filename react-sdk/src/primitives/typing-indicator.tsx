import type { Typer } from "@cossistant/core";
import type { HTMLAttributes, ReactNode } from "react";

/** Props of `<Primitives.TypingIndicator>`. */
export type TypingIndicatorProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	/** Who is typing (`useConversationPage().typing`). */
	typing: Typer[];
	/** What to show while someone types. @default their names */
	children?: ReactNode | ((typing: Typer[]) => ReactNode);
};

/**
 * Headless typing indicator: a polite live region, empty while nobody types.
 *
 * @example
 * <Primitives.TypingIndicator typing={page.typing}>
 *   {([first]) => `${first?.name ?? "Support"} is typing…`}
 * </Primitives.TypingIndicator>
 */
export function TypingIndicator({ typing, children, ...props }: TypingIndicatorProps) {
	const content =
		typing.length === 0
			? null
			: typeof children === "function"
				? children(typing)
				: (children ?? typing.map((typer) => typer.name ?? "").join(", "));
	return (
		<div aria-live="polite" data-typing={typing.length > 0 || undefined} {...props}>
			{content}
		</div>
	);
}
