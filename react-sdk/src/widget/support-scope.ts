import { createContext, type RefObject, useContext } from "react";
import type { PositionOptions } from "../utils/position.ts";
import type { CustomPage } from "./custom-page.ts";
import type { SupportHandle } from "./support-handle.ts";

/** What a `<Support>` shares with its parts (absent for hooks used outside of one). */
export interface SupportScope {
	/** The open state as `<Support>` renders it (controlled prop, or store, or `defaultOpen`). */
	isOpen: boolean;
	handle: SupportHandle;
	/** id of the dialog, for the trigger's `aria-controls`. */
	contentId: string;
	/** The trigger element: the content is positioned next to it and focus returns to it. */
	triggerRef: RefObject<HTMLElement | null>;
	position: PositionOptions;
	/** Pages from `customPages` and `<Support.Page>` children. */
	customPages: CustomPage[];
	classNames: { trigger?: string; content?: string };
}

export const SupportScopeContext = createContext<SupportScope | null>(null);

export function useSupportScope(): SupportScope | null {
	return useContext(SupportScopeContext);
}

/** The scope, or an error naming the part used outside `<Support>`. */
export function useRequiredSupportScope(part: string): SupportScope {
	const scope = useContext(SupportScopeContext);
	if (!scope) throw new Error(`${part} must be used inside <Support>.`);
	return scope;
}
