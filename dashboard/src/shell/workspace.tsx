import { useCallback, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { focusComposer } from "../conversation/composer.tsx";
import { ConversationPane } from "../conversation/conversation-pane.tsx";
import { useDashboard } from "../dashboard-context.tsx";
import { allTags, DEFAULT_FILTER, filterInbox, type InboxFilter } from "../inbox/inbox-filter.ts";
import { type InboxListHandle, InboxPane } from "../inbox/inbox-pane.tsx";
import { useServerSearch } from "../inbox/use-server-search.ts";
import { navigate, useRoute } from "../router.ts";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";
import { SettingsPanel } from "./team-panels.tsx";
import { TopBar } from "./top-bar.tsx";
import { useShortcuts } from "./use-shortcuts.ts";

/** The signed-in layout: top bar, inbox, the open conversation (or settings), shortcuts. */
export function Workspace() {
	const { client, user, contacts, websiteId, request, isAdmin } = useDashboard();
	const route = useRoute();
	const inbox = useStore(client.inbox.state, (state) => state);
	const cards = useStore(contacts.state, (state) => state.cards);
	const [filter, setFilter] = useState<InboxFilter>(DEFAULT_FILTER);
	const [selectedId, setSelectedId] = useState<string | null>(null);
	const [helpOpen, setHelpOpen] = useState(false);
	const searchRef = useRef<HTMLInputElement>(null);
	const listRef = useRef<InboxListHandle>(null);
	const activeId = route.page === "conversation" ? route.conversationId : null;
	const online = useStore(client.connection.state, (state) => state.status === "connected");
	// Online, the server searches every message and note; offline, the local filter alone.
	const serverSearch = useServerSearch(request, websiteId, filter, online);
	const serverMatches = serverSearch.matches;

	const visible = useMemo(
		() =>
			filterInbox(inbox.conversations, filter, {
				userId: user.id,
				contact: (id) => cards.get(id),
				...(serverMatches ? { serverMatches } : {}),
			}),
		[inbox.conversations, filter, user.id, cards, serverMatches],
	);
	const tags = useMemo(() => allTags(inbox.conversations), [inbox.conversations]);
	const cursor = visible.findIndex((conversation) => conversation.id === (selectedId ?? activeId));
	const selectedIndex = Math.max(0, cursor);
	const target = () => activeId ?? visible[selectedIndex]?.id ?? null;
	const conversationOf = (id: string) => inbox.conversations.find((c) => c.id === id);

	useShortcuts({
		move(delta) {
			// The first j / ↓ lands on the first row (nothing was selected yet).
			const next =
				cursor === -1 ? 0 : Math.min(visible.length - 1, Math.max(0, selectedIndex + delta));
			const conversation = visible[next];
			if (!conversation) return;
			setSelectedId(conversation.id);
			listRef.current?.focusRow(next);
		},
		open() {
			const conversation = visible[selectedIndex];
			if (conversation) navigate({ page: "conversation", conversationId: conversation.id });
		},
		back() {
			if (route.page === "inbox") return;
			navigate({ page: "inbox" });
			listRef.current?.focusRow(selectedIndex);
		},
		toggleResolved() {
			const id = target();
			const conversation = id ? conversationOf(id) : undefined;
			if (conversation)
				void client.setStatus(
					conversation.id,
					conversation.status === "resolved" ? "open" : "resolved",
				);
		},
		assignToMe() {
			const id = target();
			const conversation = id ? conversationOf(id) : undefined;
			if (!conversation) return;
			void (conversation.assigneeIds.includes(user.id)
				? client.unassign(conversation.id)
				: client.assign(conversation.id));
		},
		note() {
			if (activeId) focusComposer("note");
		},
		search() {
			searchRef.current?.focus();
		},
		help() {
			setHelpOpen(true);
		},
	});

	const onSelect = useCallback((id: string) => setSelectedId(id), []);
	const onFilter = useCallback((next: InboxFilter) => {
		setFilter(next);
		setSelectedId(null);
	}, []);

	return (
		<div className="workspace" data-page={route.page}>
			<a className="skip-link" href="#main-pane">
				Skip to content
			</a>
			<TopBar onShortcuts={() => setHelpOpen(true)} />
			<main className="panes" id="main-pane" tabIndex={-1}>
				<InboxPane
					all={inbox.conversations}
					visible={visible}
					tags={tags}
					filter={filter}
					onFilter={onFilter}
					activeId={activeId}
					selectedId={selectedId ?? activeId}
					onSelect={onSelect}
					loaded={inbox.loaded}
					searchScope={serverSearch.scope}
					searchRef={searchRef}
					listRef={listRef}
				/>
				<div className="main-pane">
					{route.page === "conversation" ? (
						<ConversationPane key={route.conversationId} conversationId={route.conversationId} />
					) : route.page === "settings" ? (
						<div className="settings-pane">
							{isAdmin ? (
								<SettingsPanel
									request={request}
									websiteId={websiteId}
									role={isAdmin ? "admin" : "agent"}
								/>
							) : (
								<p className="empty">Only admins can change settings.</p>
							)}
						</div>
					) : (
						<div className="empty-state">
							<h2>Pick a conversation</h2>
							<p className="muted">
								Use <kbd>j</kbd> / <kbd>k</kbd> to move, <kbd>Enter</kbd> to open, <kbd>?</kbd> for
								every shortcut.
							</p>
						</div>
					)}
				</div>
			</main>
			<ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
		</div>
	);
}
