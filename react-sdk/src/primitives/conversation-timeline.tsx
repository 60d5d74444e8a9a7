import {
	type HTMLAttributes,
	type ReactNode,
	type Ref,
	useCallback,
	useLayoutEffect,
	useRef,
} from "react";

/** Props of `<Primitives.ConversationTimeline>`. */
export type ConversationTimelineProps = HTMLAttributes<HTMLDivElement> & {
	/** Changes when a message arrives (e.g. the last item's id): the list follows it. */
	scrollKey?: string | number | null;
	/** Marks the list busy and renders `loading` first. */
	isLoading?: boolean;
	loading?: ReactNode;
	ref?: Ref<HTMLDivElement>;
};

/** Within this distance of the bottom, the list keeps following new messages. */
const PINNED_PX = 48;

/**
 * Headless message list: a polite `role="log"` live region that follows new messages unless
 * the reader scrolled up, with a loading state.
 *
 * @example
 * <Primitives.ConversationTimeline scrollKey={items.at(-1)?.id} isLoading={isLoading}>
 *   {items.map((item) => <Primitives.TimelineItem key={item.id} item={item} />)}
 * </Primitives.ConversationTimeline>
 */
export function ConversationTimeline({
	scrollKey,
	isLoading,
	loading,
	children,
	onScroll,
	ref,
	...props
}: ConversationTimelineProps) {
	const node = useRef<HTMLDivElement | null>(null);
	const pinned = useRef(true);
	const setRef = useCallback(
		(element: HTMLDivElement | null) => {
			node.current = element;
			if (typeof ref === "function") ref(element);
			else if (ref) ref.current = element;
		},
		[ref],
	);
	// biome-ignore lint/correctness/useExhaustiveDependencies: scrollKey is the trigger, read through the DOM
	useLayoutEffect(() => {
		const element = node.current;
		if (element && pinned.current) element.scrollTop = element.scrollHeight;
	}, [scrollKey]);
	return (
		<div
			ref={setRef}
			role="log"
			aria-live="polite"
			aria-busy={isLoading || undefined}
			onScroll={(event) => {
				onScroll?.(event);
				const element = event.currentTarget;
				pinned.current =
					element.scrollHeight - element.scrollTop - element.clientHeight < PINNED_PX;
			}}
			{...props}
		>
			{isLoading ? loading : null}
			{children}
		</div>
	);
}
