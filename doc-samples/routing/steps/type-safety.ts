// Routing & Pages, type safety: the docs' ✅ calls compile and their ❌ calls are errors.
import type { UseSupportNavigationResult } from "@cossistant/next";

export function typeSafety(navigate: UseSupportNavigationResult["navigate"]) {
	// ✅ Valid - conversationId is required
	navigate({
		page: "CONVERSATION",
		params: { conversationId: "123" },
	});

	// ❌ TypeScript error - missing required param
	navigate({
		page: "CONVERSATION",
		// @ts-expect-error conversationId is required
		params: {},
	});

	// ✅ Custom routes work too
	navigate({
		page: "SETTINGS",
		params: { tab: "profile" },
	});

	// ❌ TypeScript error - invalid page name
	navigate({
		// @ts-expect-error not a registered page
		page: "UNKNOWN_PAGE",
	});
}
