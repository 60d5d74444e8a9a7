// Routing & Pages, step 4 (navigate), the navigation hooks and the built-in pages.
import { useSupportNavigation } from "@cossistant/next";

// The docs call the hook at the top of a snippet; components make the calls here.
export function OpenSettings() {
	const { navigate } = useSupportNavigation();

	return (
		<button
			onClick={() =>
				// ✅ Fully typed with autocomplete
				navigate({
					page: "SETTINGS",
					params: { tab: "profile" },
				})
			}
		>
			Open settings
		</button>
	);
}

export const MyPage = () => {
	const {
		navigate, // Navigate to a page (adds to history)
		replace, // Replace current page (no history)
		goBack, // Go to previous page
		canGoBack, // Can navigate back?
		current, // Current navigation state
		page, // Current page name
		params, // Current page params
	} = useSupportNavigation();

	return (
		<div>
			{canGoBack && <button onClick={goBack}>Back</button>}
			<p>Page: {page}</p>
		</div>
	);
};

export function BuiltInPages() {
	const { navigate } = useSupportNavigation();
	return (
		<>
			{/* Home page */}
			<button onClick={() => navigate({ page: "HOME" })}>Home</button>

			{/* Articles/FAQ page */}
			<button onClick={() => navigate({ page: "ARTICLES" })}>Articles</button>

			{/* Conversation page */}
			<button
				onClick={() =>
					navigate({
						page: "CONVERSATION",
						params: {
							conversationId: "abc123",
							initialMessage: "Hello!",
						},
					})
				}
			>
				Conversation
			</button>

			{/* Conversation history */}
			<button onClick={() => navigate({ page: "CONVERSATION_HISTORY" })}>History</button>
		</>
	);
}
