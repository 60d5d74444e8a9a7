import type { ButtonHTMLAttributes, ReactNode, Ref } from "react";
import { useSupport } from "../hooks/use-support.ts";
import type { TriggerRenderProps } from "../support/trigger.tsx";

/** Props of `<Primitives.Trigger>`. */
export type TriggerProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
	/**
	 * A render function receives the widget state and renders everything itself (no wrapper);
	 * other children are wrapped in an unstyled `<button>` that toggles the widget.
	 */
	children?: ReactNode | ((props: TriggerRenderProps) => ReactNode);
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
 */
export function Trigger({ children, onClick, ...props }: TriggerProps) {
	const { isOpen, isTyping, unreadCount, toggle } = useSupport();
	if (typeof children === "function")
		return <>{children({ isOpen, isTyping, unreadCount, toggle })}</>;
	return (
		<button
			type="button"
			aria-haspopup="dialog"
			aria-expanded={isOpen}
			data-state={isOpen ? "open" : "closed"}
			onClick={(event) => {
				onClick?.(event);
				if (!event.defaultPrevented) toggle();
			}}
			{...props}
		>
			{children}
		</button>
	);
}
