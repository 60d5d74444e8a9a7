// Hooks: useConversationPage (pages/custom-conversation.tsx).
"use client";

import { useConversationPage } from "@cossistant/next";

export function CustomConversationPage({ conversationId }: { conversationId: string }) {
	const conversation = useConversationPage({
		conversationId,
		onConversationIdChange: (id) => console.log("Active:", id),
	});

	return (
		<div>
			{/* Messages */}
			<div className="flex-1 overflow-y-auto">
				{conversation.items.map((item) => (
					<div key={item.id}>{/* Render message */}</div>
				))}
			</div>

			{/* Composer */}
			<form
				onSubmit={(e) => {
					e.preventDefault();
					conversation.composer.submit();
				}}
			>
				<input
					value={conversation.composer.message}
					onChange={(e) => conversation.composer.setMessage(e.target.value)}
					placeholder={conversation.isPending ? "Start the conversation..." : "Type a message..."}
				/>
				<button
					type="submit"
					disabled={!conversation.composer.canSubmit || conversation.composer.isSubmitting}
				>
					Send
				</button>
			</form>
		</div>
	);
}
