// Customization, level 3: a custom trigger. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/level-3/page.tsx renders it.
"use client";

import { Support, type TriggerRenderProps } from "@cossistant/next";

// The docs show the element alone; a component renders it here.
export default function Level3() {
	return (
		<Support side="bottom" align="end">
			<Support.Trigger className="flex items-center gap-2 px-4 py-2 bg-blue-600 rounded-lg">
				{({ isOpen, unreadCount }: TriggerRenderProps) => (
					<>
						<span>{isOpen ? "Close" : "Help"}</span>
						{unreadCount > 0 && (
							<span className="bg-red-500 text-white text-xs px-1.5 rounded-full">
								{unreadCount}
							</span>
						)}
					</>
				)}
			</Support.Trigger>
		</Support>
	);
}
