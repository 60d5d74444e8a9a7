import { useHomePage } from "../../hooks/use-home-page.ts";
import { useSupport } from "../../hooks/use-support.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { Text, useSupportLocale, useSupportText } from "../../text/text-context.tsx";
import { formatReplyTime } from "../../utils/reply-time.ts";
import { PENDING_CONVERSATION_ID } from "../../widget/routes.ts";
import { AgentAvatar } from "../parts/agent-avatar.tsx";
import { BlockedNotice } from "../parts/blocked-notice.tsx";
import { Button } from "../parts/button.tsx";
import { ConversationCard } from "../parts/conversation-card.tsx";
import { Header } from "../parts/header.tsx";
import { ChevronIcon } from "../parts/icons.tsx";
import { OfflineNotice } from "../parts/offline-notice.tsx";
import { QuickOptions } from "../parts/quick-options.tsx";

/**
 * The default HOME page: greeting, who answers (up to three of the team's faces) and how soon
 * (the website's reply time), "ask a question", quick options, latest conversation.
 */
export function HomePage() {
	const { navigate } = useSupportNavigation();
	const { quickOptions, website, isBlocked } = useSupport();
	const text = useSupportText();
	const locale = useSupportLocale();
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
	// Human agents first, then AI agents: who answers here (three faces are enough to say so).
	const team = [
		...(website?.availableHumanAgents ?? []),
		...(website?.availableAIAgents ?? []),
	].slice(0, 3);
	const replyTime = website?.replyTimeMinutes;
	return (
		<div className="co-page co-page-home">
			<Header>{website?.name ?? ""}</Header>
			<div className="co-page-body">
				<OfflineNotice />
				<Text as="p" className="co-greeting" textKey="page.home.greeting" />
				<Text as="p" className="co-tagline" textKey="page.home.tagline" />
				<div className="co-home-card">
					{team.length > 0 || replyTime ? (
						<div className="co-team">
							{team.length > 0 ? (
								<ul className="co-agents" aria-label={text("common.fallbacks.supportTeam")}>
									{team.map((agent) => (
										<li key={agent.id}>
											<AgentAvatar id={agent.id} name={agent.name} image={agent.image} />
										</li>
									))}
								</ul>
							) : null}
							{replyTime ? (
								<Text
									as="p"
									className="co-reply-time"
									textKey="page.home.replyTime"
									variables={{ time: formatReplyTime(replyTime, locale) }}
								/>
							) : null}
						</div>
					) : null}
					{isBlocked ? (
						<BlockedNotice />
					) : (
						<Button className="co-ask" onClick={() => home.startConversation()}>
							<Text textKey="common.actions.askQuestion" />
							<ChevronIcon size={18} />
						</Button>
					)}
				</div>
				{isBlocked ? null : (
					<QuickOptions
						options={quickOptions}
						onSelect={(option) => home.startConversation(option)}
					/>
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
