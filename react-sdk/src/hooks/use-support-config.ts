import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { useSupportScope } from "../widget/support-scope.ts";
import { selectIsOpen, type WidgetState } from "../widget/widget-store.ts";

/** What `useSupportConfig()` returns. */
export interface UseSupportConfigResult {
	/** Whether the widget is open. */
	isOpen: boolean;
	/** Widget size. */
	size: WidgetState["size"];
	/** Opens the widget (calls `onOpenChange(true)` in controlled mode). */
	open: () => void;
	/** Closes the widget (calls `onOpenChange(false)` in controlled mode). */
	close: () => void;
	/** Toggles the widget. */
	toggle: () => void;
}

/**
 * Widget visibility and size. With `<Support open onOpenChange>` (controlled mode) the actions
 * call `onOpenChange` instead of changing internal state.
 *
 * @example
 * const { isOpen, open, close, toggle, size } = useSupportConfig();
 */
export function useSupportConfig(): UseSupportConfigResult {
	const { widget } = useSupportSession("useSupportConfig");
	const scope = useSupportScope();
	const storeOpen = useStore(widget, (state) => (state ? selectIsOpen(state) : false));
	const size = useStore(widget, (state) => state?.size ?? "normal");
	const { open, close, toggle } = widget.actions;
	return { isOpen: scope ? scope.isOpen : storeOpen, size, open, close, toggle };
}
