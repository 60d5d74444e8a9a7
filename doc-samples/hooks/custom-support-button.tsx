// Hooks: useSupport (components/custom-support-button.tsx).
"use client";

import { useSupport } from "@cossistant/next";

export function CustomSupportButton() {
	const { isOpen, toggle, unreadCount } = useSupport();

	return (
		<button
			onClick={toggle}
			className="relative border border-primary bg-primary px-4 py-2 text-white"
		>
			Support
			{unreadCount > 0 && (
				<span className="absolute -right-1 -top-1 flex h-5 w-5 items-center justify-center bg-red-500 text-xs">
					{unreadCount}
				</span>
			)}
		</button>
	);
}
