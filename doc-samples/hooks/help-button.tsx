// Hooks: useSupportHandle (components/help-button.tsx).
"use client";

import { useSupportHandle } from "@cossistant/next/support";

export function HelpButton() {
	const support = useSupportHandle();

	const handleNeedHelp = () => {
		// Open support and start a new conversation
		support?.startConversation("I need help with my order");
	};

	return <button onClick={handleNeedHelp}>Need Help?</button>;
}
