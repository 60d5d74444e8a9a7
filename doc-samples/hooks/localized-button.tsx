// Hooks: useSupportText (components/localized-button.tsx).
"use client";

import { useSupportText } from "@cossistant/next/support";

export function LocalizedButton() {
	const format = useSupportText();

	return <button>{format("common.actions.askQuestion")}</button>;
}
