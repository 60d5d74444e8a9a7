import { useConversationPage } from "../../hooks/use-conversation-page.ts";
import { useSupport } from "../../hooks/use-support.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { Text } from "../../text/text-context.tsx";
import type { PageComponentProps } from "../../widget/custom-page.ts";
import { BlockedNotice } from "../parts/blocked-notice.tsx";
import { Composer } from "../parts/composer.tsx";
import { Header } from "../parts/header.tsx";
import { OfflineNotice } from "../parts/offline-notice.tsx";
import { QuickOptions } from "../parts/quick-options.tsx";
import { Timeline } from "../parts/timeline.tsx";
import { TypingIndicator } from "../parts/typing-indicator.tsx";

/** The default CONVERSATION page: timeline, typing, composer; a pending one starts on send. */
export function ConversationPage({ params }: PageComponentProps<"CONVERSATION">) {
	const { replace } = useSupportNavigation();
	const { quickOptions, isBlocked } = useSupport();
	const page = useConversationPage({
		conversationId: params.conversationId,
		...(params.initialMessage ? { initialMessage: params.initialMessage } : {}),
		onConversationIdChange: (conversationId) =>
			replace({ page: "CONVERSATION", params: { conversationId } }),
	});
	const resolved = page.conversation?.status === "resolved";
	const showQuickOptions =
		page.isPending && !params.initialMessage && !page.composer.isSubmitting && !isBlocked;
	return (
		<div className="co-page co-page-conversation">
			<Header>
				<Text textKey={page.isPending ? "page.conversation.newTitle" : "page.conversation.title"} />
			</Header>
			<OfflineNotice />
			<Timeline items={page.items} isLoading={page.isLoading} />
			{showQuickOptions ? (
				<QuickOptions options={quickOptions} onSelect={page.composer.sendText} />
			) : null}
			{resolved ? (
				<Text as="p" className="co-resolved" textKey="page.conversation.resolved" />
			) : null}
			<TypingIndicator typing={page.typing} />
			{isBlocked ? <BlockedNotice /> : <Composer composer={page.composer} error={page.error} />}
		</div>
	);
}
