// Hooks: useVisitor, update metadata on action (components/upgrade-button.tsx). The Contacts page
// shows the same component.
"use client";

import { useVisitor } from "@cossistant/next";

export function UpgradeButton() {
	const { setVisitorMetadata } = useVisitor();

	const handleUpgrade = async () => {
		// Upgrade user's plan
		await upgradeToPro();

		// Update contact metadata so support agents see the change
		await setVisitorMetadata({
			plan: "pro",
			upgradedAt: new Date().toISOString(),
			mrr: 99,
		});
	};

	return <button onClick={handleUpgrade}>Upgrade to Pro</button>;
}
