// Hooks: useSupportConfig (components/custom-toggle.tsx).
"use client";

import { useSupportConfig } from "@cossistant/next/support";

export function CustomToggle() {
	const { isOpen, open, close, toggle, size } = useSupportConfig();

	return (
		<div className="flex gap-2">
			<button onClick={toggle}>{isOpen ? "Close Support" : "Open Support"}</button>
			<span>Size: {size}</span>
		</div>
	);
}
