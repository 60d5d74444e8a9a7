import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from "react";
import { useSupport } from "../hooks/use-support.ts";
import type { TriggerRenderProps } from "../support/trigger.tsx";
import { renderAsChild } from "../utils/slot.ts";

/** Props of `<Primitives.Trigger>`. */
export type TriggerProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
	/**
	 * A render function receives the widget state and renders everything itself (no wrapper);
	 * other children are wrapped in an unstyled `<button>` that toggles the widget.
	 */
	children?: ReactNode | ((props: TriggerRenderProps) => ReactNode);
	/** Merge the trigger's props and toggle onto the single child element instead of a `<button>`. */
	asChild?: boolean;
	ref?: Ref<HTMLButtonElement>;
};

/**
 * Headless trigger bound to the provider's widget state; place it anywhere under
 * `SupportProvider`.
 *
 * @example
 * <Primitives.Trigger>
 *   {({ toggle, unreadCount }) => <button onClick={toggle}>Help ({unreadCount})</button>}
 * </Primitives.Trigger>
 * <Primitives.Trigger asChild><a role="button" href="#help">Help</a></Primitives.Trigger>
 */
export function Trigger({ children, onClick, asChild, ref, ...props }: TriggerProps) {
	const { isOpen, isTyping, unreadCount, toggle } = useSupport();
	const content =
		typeof children === "function" ? children({ isOpen, isTyping, unreadCount, toggle }) : children;
	// A render function renders everything itself (unless asChild: then it returns the element).
	if (typeof children === "function" && !asChild) return <>{content}</>;
	const triggerProps = {
		"aria-haspopup": "dialog",
		"aria-expanded": isOpen,
		"data-state": isOpen ? "open" : "closed",
		onClick: (event: MouseEvent<HTMLButtonElement>) => {
			onClick?.(event);
			if (!event.defaultPrevented) toggle();
		},
		...props,
	} as const;
	if (asChild) return renderAsChild("<Primitives.Trigger>", content, triggerProps, ref);
	return (
		<button type="button" ref={ref} {...triggerProps}>
			{content}
		</button>
	);
}
