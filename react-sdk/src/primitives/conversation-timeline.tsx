import {
	createContext,
	type HTMLAttributes,
	type ReactNode,
	type Ref,
	useCallback,
	useContext,
	useEffect,
	useLayoutEffect,
	useMemo,
	useRef,
	useState,
} from "react";
import { setRef } from "../utils/slot.ts";

/** What `<Primitives.ConversationTimeline>` tells its parts and its render function. */
export interface ConversationTimelineRenderProps {
	/** Items in the list: `items.length`, else what the container renders; null before known. */
	itemCount: number | null;
	isLoading: boolean;
	/** Not loading and no item: when `ConversationTimelineEmpty` shows. */
	isEmpty: boolean;
}

interface TimelineContextValue extends ConversationTimelineRenderProps {
	/** The container reports how many children it renders (when `items` is not given). */
	reportCount: (count: number | null) => void;
}

const TimelineContext = createContext<TimelineContextValue | null>(null);

/** The enclosing timeline's state, or null outside one. */
export function useConversationTimeline(): TimelineContextValue | null {
	return useContext(TimelineContext);
}

/** Props of `<Primitives.ConversationTimeline>`. */
export type ConversationTimelineProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	/** The items shown: their count drives the empty state and the last one's id the scrolling. */
	items?: ReadonlyArray<{ id: string }>;
	/** Changes when a message arrives (default: the last item's id): the list follows it. */
	scrollKey?: string | number | null;
	/** Marks the list busy and shows `ConversationTimelineLoading` (and `loading`). */
	isLoading?: boolean;
	/** Rendered first while loading (shorthand for a `ConversationTimelineLoading` part). */
	loading?: ReactNode;
	children?: ReactNode | ((props: ConversationTimelineRenderProps) => ReactNode);
	ref?: Ref<HTMLDivElement>;
};

/** Within this distance of the bottom, the list keeps following new messages. */
const PINNED_PX = 48;

/**
 * Headless message list: a polite `role="log"` live region that follows new messages unless
 * the reader scrolled up. Its parts show the loading and empty states and hold the items.
 *
 * @example
 * <Primitives.ConversationTimeline items={items} isLoading={isLoading}>
 *   <Primitives.ConversationTimelineLoading>Loading…</Primitives.ConversationTimelineLoading>
 *   <Primitives.ConversationTimelineEmpty>No messages yet</Primitives.ConversationTimelineEmpty>
 *   <Primitives.ConversationTimelineContainer>
 *     {items.map((item) => <Primitives.TimelineItem key={item.id} item={item} />)}
 *   </Primitives.ConversationTimelineContainer>
 * </Primitives.ConversationTimeline>
 */
export function ConversationTimeline({
	items,
	scrollKey,
	isLoading = false,
	loading,
	children,
	onScroll,
	ref,
	...props
}: ConversationTimelineProps) {
	const node = useRef<HTMLDivElement | null>(null);
	const pinned = useRef(true);
	const [reported, reportCount] = useState<number | null>(null);
	const setNode = useCallback(
		(element: HTMLDivElement | null) => {
			node.current = element;
			setRef(ref, element);
		},
		[ref],
	);
	const followKey = scrollKey !== undefined ? scrollKey : (items?.at(-1)?.id ?? null);
	// biome-ignore lint/correctness/useExhaustiveDependencies: followKey is the trigger, read through the DOM
	useLayoutEffect(() => {
		const element = node.current;
		if (element && pinned.current) element.scrollTop = element.scrollHeight;
	}, [followKey]);
	// The log also shrinks without new items (the composer grows with attachment chips, a
	// keyboard opens): a reader at the newest message stays there.
	useEffect(() => {
		const element = node.current;
		if (!element || typeof ResizeObserver === "undefined") return;
		const observer = new ResizeObserver(() => {
			if (pinned.current) element.scrollTop = element.scrollHeight;
		});
		observer.observe(element);
		return () => observer.disconnect();
	}, []);
	const itemCount = items ? items.length : reported;
	const state = useMemo<TimelineContextValue>(
		() => ({ itemCount, isLoading, isEmpty: !isLoading && itemCount === 0, reportCount }),
		[itemCount, isLoading],
	);
	return (
		<TimelineContext.Provider value={state}>
			<div
				ref={setNode}
				role="log"
				aria-live="polite"
				aria-busy={isLoading || undefined}
				data-state={isLoading ? "loading" : state.isEmpty ? "empty" : "ready"}
				onScroll={(event) => {
					onScroll?.(event);
					const element = event.currentTarget;
					pinned.current =
						element.scrollHeight - element.scrollTop - element.clientHeight < PINNED_PX;
				}}
				{...props}
			>
				{isLoading ? loading : null}
				{typeof children === "function"
					? children({ itemCount, isLoading, isEmpty: state.isEmpty })
					: children}
			</div>
		</TimelineContext.Provider>
	);
}
