import { MessagesSquare } from "lucide-react";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { focusComposer } from "../conversation/composer.tsx";
import { ConversationPane } from "../conversation/conversation-pane.tsx";
import { useDashboard } from "../dashboard-context.tsx";
import { allTags, DEFAULT_FILTER, filterInbox, type InboxFilter } from "../inbox/inbox-filter.ts";
import { type InboxListHandle, InboxPane } from "../inbox/inbox-pane.tsx";
import { useServerSearch } from "../inbox/use-server-search.ts";
import { navigate, useRoute } from "../router.ts";
import { Kbd } from "../ui/kbd.tsx";
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
	const [commandOpen, setCommandOpen] = useState(false);
	const searchRef = useRef<HTMLInputElement>(null);
	const listRef = useRef<InboxListHandle>(null);
	const activeId =
		route.page === "conversation" || route.page === "contact" ? route.conversationId : null;
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
			if (route.page === "contact") {
				navigate({ page: "conversation", conversationId: route.conversationId });
				return;
			}
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
		command() {
			setCommandOpen(true);
		},
	});

	const onSelect = useCallback((id: string) => setSelectedId(id), []);
	const onFilter = useCallback((next: InboxFilter) => {
		setFilter(next);
		setSelectedId(null);
	}, []);

	const active = activeId ? conversationOf(activeId) : undefined;
	return (
		<div className="workspace flex h-dvh flex-col" data-page={route.page}>
			<a
				className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
				href="#main-pane"
			>
				Skip to content
			</a>
			<TopBar onShortcuts={() => setHelpOpen(true)} onCommand={() => setCommandOpen(true)} />
			<main className="workspace-panes min-h-0 flex-1" id="main-pane" tabIndex={-1}>
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
				<div className="main-pane min-h-0 min-w-0 border-l border-border max-md:border-l-0">
					{route.page === "conversation" || route.page === "contact" ? (
						<ConversationPane
							key={route.conversationId}
							conversationId={route.conversationId}
							panel={route.page === "contact" ? "open" : "closed"}
						/>
					) : route.page === "settings" ? (
						<div className="h-full overflow-y-auto">
							{isAdmin ? (
								<SettingsPanel
									request={request}
									websiteId={websiteId}
									role={isAdmin ? "admin" : "agent"}
								/>
							) : (
								<p className="p-6 text-muted-foreground">Only admins can change settings.</p>
							)}
						</div>
					) : (
						<NothingOpen />
					)}
				</div>
			</main>
			{helpOpen ? (
				<Suspense fallback={null}>
					<ShortcutsDialog onClose={() => setHelpOpen(false)} />
				</Suspense>
			) : null}
			{commandOpen ? (
				<Suspense fallback={null}>
					<CommandPalette
						onClose={() => setCommandOpen(false)}
						conversations={visible}
						cards={cards}
						active={active}
						userId={user.id}
						isAdmin={isAdmin}
						onShortcuts={() => setHelpOpen(true)}
						onNote={() => focusComposer("note")}
					/>
				</Suspense>
			) : null}
		</div>
	);
}

// The palette and the shortcuts are opened a few times a day: their chunks load on first use.
const ShortcutsDialog = lazy(() =>
	import("./shortcuts-dialog.tsx").then((module) => ({ default: module.ShortcutsDialog })),
);
const CommandPalette = lazy(() =>
	import("./command-palette.tsx").then((module) => ({ default: module.CommandPalette })),
);

/** The main pane with nothing open (wide screens): how to get going. */
function NothingOpen() {
	return (
		<div className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center">
			<span className="flex size-12 items-center justify-center rounded-full bg-muted">
				<MessagesSquare className="size-6 text-muted-foreground" aria-hidden="true" />
			</span>
			<h2 className="m-0 text-base font-semibold">Pick a conversation</h2>
			<p className="m-0 max-w-sm text-muted-foreground">
				Use <Kbd>j</Kbd> / <Kbd>k</Kbd> to move, <Kbd>Enter</Kbd> to open, <Kbd>⌘K</Kbd> to jump
				anywhere and <Kbd>?</Kbd> for every shortcut.
			</p>
		</div>
	);
}
