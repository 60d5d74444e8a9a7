// Support State: feature flags with useFeatureFlag().
"use client";

import { useFeatureFlag } from "@cossistant/react";

export function NewMessageButton() {
	const isNewMessageActivated = useFeatureFlag("new-message");

	if (!isNewMessageActivated) {
		return null;
	}

	return <button>New message</button>;
}
