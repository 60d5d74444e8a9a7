import {
	type ButtonHTMLAttributes,
	type MouseEvent,
	type ReactNode,
	type Ref,
	useCallback,
	useRef,
	useState,
} from "react";
import { useSupport } from "../hooks/use-support.ts";
import { useSupportText } from "../text/text-context.tsx";
import { cx } from "../utils/class-names.ts";
import { renderAsChild, setRef } from "../utils/slot.ts";
import { useIsomorphicLayoutEffect } from "../utils/use-isomorphic-layout-effect.ts";
import { useRequiredSupportScope } from "../widget/support-scope.ts";
import { ChatIcon, CloseIcon } from "./parts/icon.tsx";

/** What a custom trigger's render function receives. */
export interface TriggerRenderProps {
	/** Whether the widget is open. */
	isOpen: boolean;
	/** Whether an agent is typing. */
	isTyping: boolean;
	/** Unread messages. */
	unreadCount: number;
	/** Opens or closes the widget. */
	toggle: () => void;
}

/** Props of `<Support.Trigger>`. */
export type SupportTriggerProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
	/** Static content, or a render function receiving `TriggerRenderProps`. */
	children?: ReactNode | ((props: TriggerRenderProps) => ReactNode);
	/**
	 * Render the single child element (your own `<button>`, a link-styled button…) as the
	 * trigger instead of a `<button>` of ours: the trigger's props, ref and click handler are
	 * merged onto it. A render function may return that element too.
	 */
	asChild?: boolean;
	ref?: Ref<HTMLButtonElement>;
};

/**
 * The button that opens and closes the widget; place it anywhere inside `<Support>` (a topbar
 * too). It is a real `<button>` with `aria-expanded` and `aria-controls`, or with `asChild` your
 * own element with those attributes.
 *
 * @example
 * <Support.Trigger className="help-button">
 *   {({ isOpen, unreadCount }) => <>{isOpen ? "Close" : "Help"} {unreadCount > 0 && unreadCount}</>}
 * </Support.Trigger>
 * <Support.Trigger asChild>
 *   <button type="button" className="help-button">Help</button>
 * </Support.Trigger>
 */
export function SupportTrigger({
	children,
	className,
	onClick,
	asChild,
	ref,
	...props
}: SupportTriggerProps) {
	const scope = useRequiredSupportScope("<Support.Trigger>");
	const { unreadCount, isTyping } = useSupport();
	const text = useSupportText();
	const { isOpen, handle, contentId, triggerRef } = scope;
	const toggle = handle.toggle;
	const own = useRef<HTMLButtonElement | null>(null);
	const setTriggerRef = useCallback(
		(node: HTMLButtonElement | null) => {
			own.current = node;
			triggerRef.current = node;
			setRef(ref, node);
		},
		[ref, triggerRef],
	);
	// Icon-only content (e.g. an svg) leaves the button without a name: it gets the widget's
	// "Open support" / "Close support" then. Text content keeps naming it (label in name).
	const [wordless, setWordless] = useState(false);
	useIsomorphicLayoutEffect(() => {
		setWordless(own.current !== null && !own.current.textContent?.trim());
	});
	const content =
		typeof children === "function" ? children({ isOpen, isTyping, unreadCount, toggle }) : children;
	const triggerProps = {
		"aria-label":
			!children || wordless
				? text(isOpen ? "component.trigger.close" : "component.trigger.open")
				: undefined,
		"aria-haspopup": "dialog",
		"aria-expanded": isOpen,
		"aria-controls": isOpen ? contentId : undefined,
		"data-state": isOpen ? "open" : "closed",
		className: cx("co-trigger", className),
		onClick: (event: MouseEvent<HTMLButtonElement>) => {
			onClick?.(event);
			if (!event.defaultPrevented) toggle();
		},
		...props,
	} as const;
	if (asChild) return renderAsChild("<Support.Trigger>", content, triggerProps, setTriggerRef);
	return (
		<button type="button" ref={setTriggerRef} {...triggerProps}>
			{content}
		</button>
	);
}

/** The default floating trigger: chat icon, close icon when open, unread badge. */
export function DefaultTrigger({ className }: { className?: string }) {
	const scope = useRequiredSupportScope("<Support>");
	const { unreadCount } = useSupport();
	const text = useSupportText();
	const isOpen = scope.isOpen;
	const label = `${text(isOpen ? "component.trigger.close" : "component.trigger.open")}${
		unreadCount > 0 && !isOpen
			? `, ${text("component.trigger.unread", { count: unreadCount })}`
			: ""
	}`;
	return (
		<SupportTrigger className={cx("co-trigger-default", className)} aria-label={label}>
			{() => (
				<>
					<span aria-hidden="true" className="co-trigger-icon" key={isOpen ? "open" : "closed"}>
						{isOpen ? <CloseIcon size={24} /> : <ChatIcon />}
					</span>
					{unreadCount > 0 && !isOpen ? (
						<span className="co-trigger-badge" data-testid="co-unread-badge">
							{unreadCount > 99 ? "99+" : unreadCount}
						</span>
					) : null}
				</>
			)}
		</SupportTrigger>
	);
}
