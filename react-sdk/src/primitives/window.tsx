import type { HTMLAttributes, ReactNode, Ref } from "react";
import { useSupport } from "../hooks/use-support.ts";

/** What `<Primitives.Window>`'s render function receives. */
export interface WindowRenderProps {
	isOpen: boolean;
	close: () => void;
}

/** Props of `<Primitives.Window>`. */
export type WindowProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	/** Content, or a render function (called while closed too, so it can animate out). */
	children?: ReactNode | ((props: WindowRenderProps) => ReactNode);
	/** Accessible name of the dialog. @default "Support" */
	label?: string;
	ref?: Ref<HTMLDivElement>;
};

/**
 * Headless dialog container: `role="dialog"` while open, Escape closes. Static children render
 * only while open; a render function decides itself.
 *
 * @example
 * <Primitives.Window>
 *   {({ isOpen, close }) => isOpen && <div><button onClick={close}>×</button>…</div>}
 * </Primitives.Window>
 */
export function Window({ children, label = "Support", onKeyDown, ...props }: WindowProps) {
	const { isOpen, close } = useSupport();
	const content =
		typeof children === "function" ? children({ isOpen, close }) : isOpen ? children : null;
	if (content === null || content === false || content === undefined) return null;
	if (!isOpen) {
		// A render function may keep content mounted while closed (e.g. to animate out).
		return (
			<div data-state="closed" {...props}>
				{content}
			</div>
		);
	}
	return (
		<div
			role="dialog"
			aria-label={label}
			aria-modal={false}
			data-state="open"
			onKeyDown={(event) => {
				onKeyDown?.(event);
				if (event.key === "Escape" && !event.defaultPrevented) {
					event.preventDefault();
					close();
				}
			}}
			{...props}
		>
			{content}
		</div>
	);
}
