import type { InboxConversation } from "@cossistant/core/agent";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type Ref, useEffect, useId, useImperativeHandle, useMemo, useRef } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import {
	type AssigneeFilter,
	type InboxFilter,
	type InboxView,
	inboxCounts,
} from "./inbox-filter.ts";
import { InboxRow } from "./inbox-row.tsx";

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

const ROW_HEIGHT = 84;

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
		estimateSize: () => ROW_HEIGHT,
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
	const nameOf = (userId: string) =>
		userId === user.id ? "you" : (agentList.find((agent) => agent.id === userId)?.name ?? "agent");

	return (
		<section className="inbox-pane" aria-labelledby={`${id}-title`}>
			<div className="inbox-head">
				<h2 id={`${id}-title`} className="pane-title">
					Inbox
					{counts.unread > 0 && (
						<span className="count-pill">
							{counts.unread}
							<span className="visually-hidden"> unread</span>
						</span>
					)}
				</h2>
				<div className="search">
					<label htmlFor={`${id}-search`} className="visually-hidden">
						Search conversations
					</label>
					<input
						id={`${id}-search`}
						ref={props.searchRef}
						type="search"
						placeholder="Search name, email, message  ( / )"
						value={filter.search}
						onChange={(event) => set({ search: event.target.value })}
						{...(props.searchScope === "local" ? { "aria-describedby": `${id}-search-note` } : {})}
					/>
					{props.searchScope === "local" && (
						<p id={`${id}-search-note`} className="search-note" data-testid="search-note">
							Offline: searching names, emails and latest messages only
						</p>
					)}
				</div>
				<fieldset className="view-tabs">
					<legend className="visually-hidden">View</legend>
					{views.map(([view, label, count]) => (
						<button
							key={view}
							type="button"
							aria-pressed={filter.view === view}
							onClick={() => set({ view })}
						>
							{label} <span className="tab-count">{count}</span>
						</button>
					))}
				</fieldset>
				<div className="filters">
					<label>
						<span className="visually-hidden">Priority</span>
						<select
							value={filter.priority}
							aria-label="Priority filter"
							onChange={(event) => set({ priority: event.target.value as InboxFilter["priority"] })}
						>
							<option value="any">Any priority</option>
							<option value="urgent">Urgent</option>
							<option value="high">High</option>
							<option value="medium">Medium</option>
							<option value="low">Low</option>
						</select>
					</label>
					<label>
						<span className="visually-hidden">Tag</span>
						<select
							value={filter.tag}
							aria-label="Tag filter"
							onChange={(event) => set({ tag: event.target.value })}
						>
							<option value="any">Any tag</option>
							{props.tags.map((tag) => (
								<option key={tag} value={tag}>
									#{tag}
								</option>
							))}
						</select>
					</label>
					<label>
						<span className="visually-hidden">Assignee</span>
						<select
							value={filter.assignee}
							aria-label="Assignee filter"
							onChange={(event) => set({ assignee: event.target.value as AssigneeFilter })}
						>
							<option value="anyone">Anyone</option>
							<option value="mine">Mine</option>
							<option value="unassigned">Unassigned</option>
						</select>
					</label>
				</div>
			</div>
			<div
				className="inbox-scroll"
				ref={scrollRef}
				data-testid="inbox-list"
				aria-busy={!props.loaded}
			>
				{visible.length === 0 ? (
					<p className="empty">
						{props.loaded ? "No conversations here." : "Loading conversations…"}
					</p>
				) : (
					<ul
						className="inbox-list"
						aria-label={`Conversations (${visible.length})`}
						style={{ height: virtualizer.getTotalSize() }}
					>
						{items.map((item) => {
							const conversation = visible[item.index];
							if (!conversation) return null;
							return (
								<li
									key={item.key}
									className="inbox-item"
									style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
								>
									<InboxRow
										conversation={conversation}
										card={conversation.contactId ? cards.get(conversation.contactId) : undefined}
										active={conversation.id === props.activeId}
										selected={
											conversation.id === props.selectedId ||
											(props.selectedId === null && item.index === 0)
										}
										assignees={conversation.assigneeIds.map(nameOf)}
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
