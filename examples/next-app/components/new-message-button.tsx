"use client";

import { useFeatureFlag } from "@cossistant/next";

/** Shown only while the `new-message` feature flag is on (it flips live from the server). */
export function NewMessageButton() {
	const isNewMessageActivated = useFeatureFlag("new-message");
	return (
		<p data-testid="new-message-flag" data-enabled={isNewMessageActivated}>
			{isNewMessageActivated ? (
				<button type="button">New message</button>
			) : (
				"The new message button is not enabled for you yet."
			)}
		</p>
	);
}
