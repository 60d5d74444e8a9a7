import { useHomePage } from "../../hooks/use-home-page.ts";
import { useSupport } from "../../hooks/use-support.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { Text } from "../../text/text-context.tsx";
import { PENDING_CONVERSATION_ID } from "../../widget/routes.ts";
import { AgentAvatar } from "../parts/agent-avatar.tsx";
import { BlockedNotice } from "../parts/blocked-notice.tsx";
import { Button } from "../parts/button.tsx";
import { ConversationCard } from "../parts/conversation-card.tsx";
import { Header } from "../parts/header.tsx";
import { OfflineNotice } from "../parts/offline-notice.tsx";
import { QuickOptions } from "../parts/quick-options.tsx";

/** The default HOME page: greeting, "ask a question", quick options, latest conversation. */
export function HomePage() {
	const { navigate } = useSupportNavigation();
	const { quickOptions, website, isBlocked } = useSupport();
	const home = useHomePage({
		onStartConversation: (initialMessage) =>
			navigate({
				page: "CONVERSATION",
				params: {
					conversationId: PENDING_CONVERSATION_ID,
					...(initialMessage ? { initialMessage } : {}),
				},
			}),
		onOpenConversation: (conversationId) =>
			navigate({ page: "CONVERSATION", params: { conversationId } }),
		onOpenConversationHistory: () => navigate({ page: "CONVERSATION_HISTORY" }),
	});
	// Human agents first, then AI agents: who answers here.
	const agents = [...(website?.availableHumanAgents ?? []), ...(website?.availableAIAgents ?? [])];
	return (
		<div className="co-page co-page-home">
			<Header>{website?.name ?? ""}</Header>
			<div className="co-page-body">
				<OfflineNotice />
				<Text as="p" className="co-greeting" textKey="page.home.greeting" />
				<Text as="p" className="co-tagline" textKey="page.home.tagline" />
				{agents.length > 0 ? (
					<ul className="co-agents">
						{agents.map((agent) => (
							<li key={agent.id}>
								<AgentAvatar id={agent.id} name={agent.name} image={agent.image} />
							</li>
						))}
					</ul>
				) : null}
				{isBlocked ? (
					<BlockedNotice />
				) : (
					<>
						<Button onClick={() => home.startConversation()}>
							<Text textKey="common.actions.askQuestion" />
						</Button>
						<QuickOptions
							options={quickOptions}
							onSelect={(option) => home.startConversation(option)}
						/>
					</>
				)}
				{home.lastOpenConversation ? (
					<section className="co-section" aria-labelledby="co-recent">
						<Text
							as="h3"
							id="co-recent"
							className="co-section-title"
							textKey="page.home.recentConversations"
						/>
						<ConversationCard
							conversation={home.lastOpenConversation}
							onOpen={home.openConversation}
						/>
						{home.availableConversationsCount > 0 ? (
							<Button variant="ghost" onClick={home.openConversationHistory}>
								<Text
									textKey="page.home.history.more"
									variables={{ count: home.conversations.length }}
								/>
							</Button>
						) : null}
					</section>
				) : null}
			</div>
		</div>
	);
}
