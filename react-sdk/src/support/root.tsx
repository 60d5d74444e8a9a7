import type { ReactNode } from "react";
import { SupportFrame, type SupportProps } from "./support.tsx";

/**
 * Props of `<Support.Root>`: those of `<Support>` (open state, theme, locale, copy, welcome
 * messages, pages, event callbacks, the handle's `ref`) without `classNames`, which style the
 * default trigger and window a Root does not render.
 */
export type SupportRootProps = Omit<SupportProps, "classNames" | "children"> & {
	/** The widget as you compose it: `Support.Trigger`, `Support.Content`, your own layout. */
	children: ReactNode;
};

/**
 * Full composition (Customization, level 5): the widget's state, events and text without any
 * default part. Only what you put inside renders, where you put it; typically a
 * `Support.Trigger` (with `asChild` for your own button) and a `Support.Content` holding
 * `Support.Router`.
 *
 * @example
 * <Support.Root defaultOpen={false} theme="dark">
 *   <Support.Trigger asChild>
 *     <button type="button">Help</button>
 *   </Support.Trigger>
 *   <Support.Content side="bottom" align="end">
 *     <Support.Router />
 *   </Support.Content>
 * </Support.Root>
 */
export function SupportRoot(props: SupportRootProps) {
	return <SupportFrame props={props} composed />;
}
