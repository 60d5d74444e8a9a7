import { lazy, type ReactNode, Suspense } from "react";

/** One choice of a {@link Combobox}. */
export interface ComboboxOption {
	value: string;
	label: string;
	/** Shown before the label. */
	icon?: ReactNode;
	/** Extra words the search matches. */
	keywords?: string[];
}

/** Props of {@link Combobox}. */
export interface ComboboxProps {
	/** What is chosen ("Priority"): the search box's and the list's name. */
	label: string;
	options: readonly ComboboxOption[];
	/** Chosen values (one for a single choice; several for tags and assignees). */
	selected: readonly string[];
	/** Called with the option picked; a single choice closes the list. */
	onSelect: (value: string) => void;
	/** Several values can be on at once: the list stays open and marks each. */
	multiple?: boolean;
	/** The trigger: a button element (it receives the popover's trigger props). */
	trigger: ReactNode;
	/** A search box above the options (long lists). */
	searchable?: boolean;
	placeholder?: string;
	/** What an empty search says; `""` for nothing (when `createLabel` offers something instead). */
	emptyText?: string;
	/**
	 * An item after the options that creates what was typed ("Add tag “billing”"): its label for
	 * the search text, or null when there is nothing to create.
	 */
	createLabel?: (search: string) => string | null;
	/** Called with the search text when the create item is picked; the list closes. */
	onCreate?: (search: string) => void;
	/** Keep the list inside the trigger's region in the DOM (see `PopoverContent`). */
	portal?: boolean;
	align?: "start" | "center" | "end";
}

// The list (popover + cmdk) is its own chunk: the inbox and the conversation paint without it,
// and it arrives a few milliseconds later, before anyone can click.
const ComboboxList = lazy(() =>
	import("./combobox-list.tsx").then((module) => ({ default: module.ComboboxList })),
);

/**
 * A button opening a searchable list (cmdk in a popover): the inbox's filters and the
 * conversation's priority, assignees and tags. Arrow keys move, Enter picks, Escape closes and
 * focus returns to the button. Until its code is in, the trigger shows as is.
 */
export function Combobox(props: ComboboxProps) {
	return (
		<Suspense fallback={props.trigger}>
			<ComboboxList {...props} />
		</Suspense>
	);
}
