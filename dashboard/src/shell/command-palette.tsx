import type { InboxConversation } from "@cossistant/core/agent";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import {
	CircleCheck,
	Inbox,
	Keyboard,
	LogOut,
	Moon,
	PanelRight,
	RotateCcw,
	Settings,
	StickyNote,
	Sun,
	UserMinus,
	UserPlus,
} from "lucide-react";
import type { ReactNode } from "react";
import { useDashboard } from "../dashboard-context.tsx";
import { type ContactCard, displayName } from "../inbox/contact-directory.ts";
import { previewText } from "../inbox/inbox-filter.ts";
import { navigate } from "../router.ts";
import { useTheme } from "../theme.ts";
import { Avatar } from "../ui/avatar.tsx";
import {
	Command,
	CommandEmpty,
	CommandGroup,
	CommandInput,
	CommandItem,
	CommandList,
} from "../ui/command.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { signOut } from "./device-data.ts";

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
	onClose: () => void;
	/** The inbox as filtered now: the palette jumps to any of them. */
	conversations: readonly InboxConversation[];
	cards: ReadonlyMap<string, ContactCard>;
	/** The open conversation, whose actions the palette offers. */
	active: InboxConversation | undefined;
	userId: string;
	isAdmin: boolean;
	onShortcuts: () => void;
	onNote: () => void;
}

/** Conversations the palette lists before any typing narrows them (it filters these). */
const LISTED = 200;

/**
 * ⌘K: jump to a conversation by name, email or latest message, or run an action on the open
 * one, go to a page, switch the theme. A modal dialog: Escape closes it, focus returns.
 */
export function CommandPalette(props: CommandPaletteProps) {
	const { client, session } = useDashboard();
	const [theme, toggleTheme] = useTheme();
	const { active } = props;
	const run = (action: () => void) => () => {
		props.onClose();
		action();
	};
	const assigned = active?.assigneeIds.includes(props.userId) ?? false;
	return (
		<DialogPrimitive.Root open onOpenChange={(open) => (open ? undefined : props.onClose())}>
			<DialogPrimitive.Portal>
				<DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 animate-fade" />
				<DialogPrimitive.Content
					className="fixed top-[12vh] left-1/2 z-50 w-[calc(100%-1.5rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-popover shadow-2xl animate-in outline-none"
					aria-describedby={undefined}
				>
					<DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
					<Command label="Search conversations or type a command" loop>
						<CommandInput placeholder="Search conversations or type a command…" />
						<CommandList className="max-h-[min(60vh,26rem)]">
							<CommandEmpty>Nothing matches.</CommandEmpty>
							{active ? (
								<CommandGroup heading="This conversation">
									<Item
										icon={active.status === "resolved" ? <RotateCcw /> : <CircleCheck />}
										shortcut="r"
										onSelect={run(
											() =>
												void client.setStatus(
													active.id,
													active.status === "resolved" ? "open" : "resolved",
												),
										)}
									>
										{active.status === "resolved" ? "Reopen" : "Resolve"}
									</Item>
									<Item
										icon={assigned ? <UserMinus /> : <UserPlus />}
										shortcut="a"
										onSelect={run(
											() => void (assigned ? client.unassign(active.id) : client.assign(active.id)),
										)}
									>
										{assigned ? "Unassign me" : "Assign to me"}
									</Item>
									<Item icon={<StickyNote />} shortcut="n" onSelect={run(props.onNote)}>
										Write an internal note
									</Item>
									<Item
										icon={<PanelRight />}
										onSelect={run(() => navigate({ page: "contact", conversationId: active.id }))}
									>
										Contact details
									</Item>
								</CommandGroup>
							) : null}
							<CommandGroup heading="Conversations">
								{props.conversations.slice(0, LISTED).map((conversation) => {
									const card = conversation.contactId
										? props.cards.get(conversation.contactId)
										: undefined;
									const name = displayName(card, conversation.visitorId);
									const preview = previewText(conversation.lastTimelineItem);
									return (
										<CommandItem
											key={conversation.id}
											value={`conversation ${conversation.id}`}
											keywords={[name, card?.email ?? "", preview, ...conversation.tags]}
											onSelect={run(() =>
												navigate({ page: "conversation", conversationId: conversation.id }),
											)}
										>
											<Avatar
												name={name}
												seed={conversation.contactId ?? conversation.visitorId}
												size="sm"
											/>
											<span className="flex min-w-0 flex-1 flex-col">
												<span className="truncate font-medium">{name}</span>
												<span className="truncate text-xs text-muted-foreground">
													{preview || "No messages yet"}
												</span>
											</span>
										</CommandItem>
									);
								})}
							</CommandGroup>
							<CommandGroup heading="Go to">
								<Item icon={<Inbox />} onSelect={run(() => navigate({ page: "inbox" }))}>
									Inbox
								</Item>
								{props.isAdmin ? (
									<Item icon={<Settings />} onSelect={run(() => navigate({ page: "settings" }))}>
										Settings
									</Item>
								) : null}
								<Item icon={<Keyboard />} shortcut="?" onSelect={run(props.onShortcuts)}>
									Keyboard shortcuts
								</Item>
								<Item icon={theme === "dark" ? <Sun /> : <Moon />} onSelect={run(toggleTheme)}>
									{theme === "dark" ? "Use light theme" : "Use dark theme"}
								</Item>
								<Item icon={<LogOut />} onSelect={run(() => signOut(session))}>
									Log out
								</Item>
							</CommandGroup>
						</CommandList>
					</Command>
				</DialogPrimitive.Content>
			</DialogPrimitive.Portal>
		</DialogPrimitive.Root>
	);
}

/** An action of the palette, with its icon and, when it has one, its shortcut. */
function Item({
	icon,
	shortcut,
	onSelect,
	children,
}: {
	icon: ReactNode;
	shortcut?: string;
	onSelect: () => void;
	children: string;
}) {
	return (
		<CommandItem value={children} onSelect={onSelect}>
			<span className="text-muted-foreground" aria-hidden="true">
				{icon}
			</span>
			<span className="flex-1">{children}</span>
			{shortcut ? <Kbd>{shortcut}</Kbd> : null}
		</CommandItem>
	);
}
