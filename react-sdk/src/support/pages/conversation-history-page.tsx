import { useConversations } from "../../hooks/use-conversations.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { Text } from "../../text/text-context.tsx";
import { ConversationCard } from "../parts/conversation-card.tsx";
import { Header } from "../parts/header.tsx";

/** The default CONVERSATION_HISTORY page: every conversation of the visitor (or its contact). */
export function ConversationHistoryPage() {
	const { conversations } = useConversations();
	const { navigate } = useSupportNavigation();
	return (
		<div className="co-page co-page-history">
			<Header>
				<Text textKey="page.conversationHistory.title" />
			</Header>
			<div className="co-page-body">
				{conversations.length === 0 ? (
					<Text as="p" className="co-empty" textKey="page.conversationHistory.empty" />
				) : (
					<ul className="co-conversation-list">
						{conversations.map((conversation) => (
							<li key={conversation.id}>
								<ConversationCard
									conversation={conversation}
									onOpen={(conversationId) =>
										navigate({ page: "CONVERSATION", params: { conversationId } })
									}
								/>
							</li>
						))}
					</ul>
				)}
			</div>
		</div>
	);
}
