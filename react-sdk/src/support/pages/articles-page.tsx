import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { Text } from "../../text/text-context.tsx";
import { PENDING_CONVERSATION_ID } from "../../widget/routes.ts";
import { Button } from "../parts/button.tsx";
import { Header } from "../parts/header.tsx";

/** The default ARTICLES page (no knowledge base yet: points to a conversation instead). */
export function ArticlesPage() {
	const { navigate } = useSupportNavigation();
	return (
		<div className="co-page co-page-articles">
			<Header>
				<Text textKey="page.articles.title" />
			</Header>
			<div className="co-page-body">
				<Text as="p" className="co-empty" textKey="page.articles.empty" />
				<Button
					onClick={() =>
						navigate({ page: "CONVERSATION", params: { conversationId: PENDING_CONVERSATION_ID } })
					}
				>
					<Text textKey="common.actions.askQuestion" />
				</Button>
			</div>
		</div>
	);
}
