import type { InboxConversation } from "@cossistant/core/agent";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Search, WifiOff } from "lucide-react";
import {
	type Ref,
	useCallback,
	useEffect,
	useId,
	useImperativeHandle,
	useMemo,
	useRef,
} from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { Input } from "../ui/input.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { InboxEmpty, InboxSkeleton } from "./inbox-empty.tsx";
import { DEFAULT_FILTER, type InboxFilter, type InboxView, inboxCounts } from "./inbox-filter.ts";
import { InboxFilters } from "./inbox-filters.tsx";
import { hasBadges, InboxRow } from "./inbox-row.tsx";

/** What the workspace's keyboard shortcuts may ask of the list. */
export interface InboxListHandle {
	/** Scrolls a row into view and focuses it. */
	focusRow(index: number): void;
}

export interface InboxPaneProps {
	all: readonly InboxConversation[];
	visible: readonly InboxConversation[];
	tags: string[];
	filter: InboxFilter;
	onFilter: (filter: InboxFilter) => void;
	activeId: string | null;
	selectedId: string | null;
	onSelect: (conversationId: string) => void;
	loaded: boolean;
	/** `local` shows that only names, emails and latest messages are searched (offline). */
	searchScope: "idle" | "server" | "local";
	searchRef: Ref<HTMLInputElement>;
	listRef: Ref<InboxListHandle>;
}

/** Row heights: two lines, or three when the row has badges (priority, tags, assignees…). */
const ROW_HEIGHT = 64;
const ROW_HEIGHT_BADGES = 86;

/** Views, filters, search and the virtualized conversation list. */
export function InboxPane(props: InboxPaneProps) {
	const { filter, onFilter, visible } = props;
	const { contacts, agents, user } = useDashboard();
	const cards = useStore(contacts.state, (state) => state.cards);
	const agentList = useStore(agents.state, (state) => state.agents);
	const counts = useMemo(() => inboxCounts(props.all), [props.all]);
	// The tab's title carries the unread count (a busy inbox lives in a background tab).
	useEffect(() => {
		document.title = counts.unread > 0 ? `(${counts.unread}) Cossistant` : "Cossistant Dashboard";
	}, [counts.unread]);
	const scrollRef = useRef<HTMLDivElement>(null);
	const id = useId();
	const virtualizer = useVirtualizer({
		count: visible.length,
		getScrollElement: () => scrollRef.current,
		estimateSize: (index) => {
			const conversation = visible[index];
			return conversation && hasBadges(conversation) ? ROW_HEIGHT_BADGES : ROW_HEIGHT;
		},
		overscan: 8,
		getItemKey: (index) => visible[index]?.id ?? index,
	});
	const items = virtualizer.getVirtualItems();

	useImperativeHandle(props.listRef, () => ({
		focusRow(index) {
			const conversation = visible[index];
			if (!conversation) return;
			virtualizer.scrollToIndex(index, { align: "auto" });
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					scrollRef.current
						?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(conversation.id)}"]`)
						?.focus();
				}),
			);
		},
	}));

	// Names and emails of the contacts on screen (for rows and search), fetched once and kept.
	const first = items[0]?.index ?? 0;
	const last = items[items.length - 1]?.index ?? -1;
	useEffect(() => {
		const wanted: string[] = [];
		for (let index = first; index <= last; index++) {
			const contactId = visible[index]?.contactId;
			if (contactId && !cards.has(contactId)) wanted.push(contactId);
		}
		if (wanted.length > 0) contacts.want(wanted);
	}, [first, last, visible, cards, contacts]);

	const set = (patch: Partial<InboxFilter>) => onFilter({ ...filter, ...patch });
	const views: Array<[InboxView, string, number]> = [
		["open", "Open", counts.open],
		["resolved", "Resolved", counts.resolved],
		["all", "All", counts.all],
	];
	// Stable while the team does not change, so memoized rows do not re-render.
	const assigneeName = useCallback(
		(userId: string) =>
			userId === user.id
				? "you"
				: (agentList.find((agent) => agent.id === userId)?.name ?? "an agent"),
		[agentList, user.id],
	);

	return (
		<section
			className="inbox-pane flex min-h-0 min-w-0 flex-col bg-sidebar"
			aria-labelledby={`${id}-title`}
		>
			<div className="flex flex-col gap-3 border-b border-border p-3">
				<h2 id={`${id}-title`} className="m-0 flex items-center gap-2 text-base font-semibold">
					Inbox
					{counts.unread > 0 && (
						<span className="rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground tabular-nums">
							{counts.unread}
							<span className="sr-only"> unread</span>
						</span>
					)}
				</h2>
				<div className="relative">
					<label htmlFor={`${id}-search`} className="sr-only">
						Search conversations
					</label>
					<Search
						className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
						aria-hidden="true"
					/>
					<Input
						id={`${id}-search`}
						ref={props.searchRef}
						type="search"
						className="pr-9 pl-8"
						placeholder="Search name, email, message"
						value={filter.search}
						onChange={(event) => set({ search: event.target.value })}
						aria-keyshortcuts="/"
						{...(props.searchScope === "local" ? { "aria-describedby": `${id}-search-note` } : {})}
					/>
					<Kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 max-md:hidden">
						/
					</Kbd>
				</div>
				{props.searchScope === "local" && (
					<p
						id={`${id}-search-note`}
						className="m-0 flex items-center gap-1.5 text-xs text-warning"
						data-testid="search-note"
					>
						<WifiOff className="size-3.5 shrink-0" aria-hidden="true" />
						Offline: searching names, emails and latest messages only
					</p>
				)}
				<fieldset className="m-0 grid grid-cols-3 gap-1 rounded-lg border-0 bg-muted p-1">
					<legend className="sr-only">View</legend>
					{views.map(([view, label, count]) => (
						<button
							key={view}
							type="button"
							aria-pressed={filter.view === view}
							onClick={() => set({ view })}
							className="inline-flex h-7 items-center justify-center gap-1.5 rounded-md text-[13px] font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none aria-pressed:bg-background aria-pressed:text-foreground aria-pressed:shadow-xs max-md:h-11"
						>
							{label} <span className="text-xs tabular-nums opacity-80">{count}</span>
						</button>
					))}
				</fieldset>
				<InboxFilters filter={filter} tags={props.tags} onChange={set} />
			</div>
			<div
				className="min-h-0 flex-1 overflow-y-auto"
				ref={scrollRef}
				data-testid="inbox-list"
				aria-busy={!props.loaded}
			>
				{visible.length === 0 ? (
					props.loaded ? (
						<InboxEmpty
							filter={filter}
							onReset={() => onFilter({ ...DEFAULT_FILTER, view: filter.view })}
						/>
					) : (
						<InboxSkeleton />
					)
				) : (
					<ul
						className="relative m-0 list-none p-0"
						aria-label={`Conversations (${visible.length})`}
						style={{ height: virtualizer.getTotalSize() }}
					>
						{items.map((item) => {
							const conversation = visible[item.index];
							if (!conversation) return null;
							return (
								<li
									key={item.key}
									className="absolute top-0 left-0 w-full"
									style={{ transform: `translateY(${item.start}px)`, height: item.size }}
								>
									<InboxRow
										conversation={conversation}
										card={conversation.contactId ? cards.get(conversation.contactId) : undefined}
										active={conversation.id === props.activeId}
										selected={
											conversation.id === props.selectedId ||
											(props.selectedId === null && item.index === 0)
										}
										assigneeName={assigneeName}
										onSelect={props.onSelect}
									/>
								</li>
							);
						})}
					</ul>
				)}
			</div>
		</section>
	);
}
