import type { Conversation } from "@cossistant/types";
import { Badge } from "../ui/badge.tsx";
import { CollapsibleSection } from "../ui/collapsible.tsx";
import {
	conversationLabel,
	conversationPreview,
	fullTime,
	lastActivity,
	relativeTime,
} from "./format.ts";

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
	/** The person's other conversations, most recent activity first. */
	conversations: Conversation[];
	onOpen: (conversationId: string) => void;
}

const STATUS_LABEL: Record<Conversation["status"], string> = { open: "Open", resolved: "Resolved" };

/** The person's other conversations: title, last activity and status; each opens on click. */
export function ConversationList({ conversations, onOpen }: ConversationListProps) {
	return (
		<CollapsibleSection
			title="Other conversations"
			meta={conversations.length > 0 ? conversations.length : undefined}
		>
			{conversations.length === 0 ? (
				<p className="m-0 text-muted-foreground">No other conversation.</p>
			) : (
				<ul className="m-0 -mx-2 flex list-none flex-col p-0" aria-label="Other conversations">
					{conversations.map((conversation) => {
						const label = conversationLabel(conversation);
						const preview = conversation.title ? conversationPreview(conversation) : "";
						const at = lastActivity(conversation);
						return (
							<li key={conversation.id}>
								<button
									type="button"
									className="flex w-full flex-col gap-0.5 rounded-md px-2 py-2 text-left hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
									onClick={() => onOpen(conversation.id)}
									aria-label={`Open conversation “${label}”, ${STATUS_LABEL[conversation.status].toLowerCase()}, last activity ${relativeTime(at)}`}
								>
									<span className="flex w-full items-center gap-2">
										<span className="min-w-0 flex-1 truncate font-medium">{label}</span>
										<Badge variant={conversation.status === "resolved" ? "success" : "info"}>
											{STATUS_LABEL[conversation.status]}
										</Badge>
									</span>
									{preview ? (
										<span className="w-full truncate text-xs text-muted-foreground">{preview}</span>
									) : null}
									<time
										className="text-xs text-muted-foreground"
										dateTime={at}
										title={fullTime(at)}
									>
										{relativeTime(at)}
									</time>
								</button>
							</li>
						);
					})}
				</ul>
			)}
		</CollapsibleSection>
	);
}
