// Customization, a custom trigger in a topbar. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/topbar/page.tsx renders it.
"use client";

import { Support, type TriggerRenderProps } from "@cossistant/next";
// The docs leave the app's Logo and Link imports out.
import Link from "next/link";
import { Logo } from "../logo";

// Exported (not in the docs) for the page that shows it.
export function Topbar() {
	return (
		<header className="flex items-center justify-between px-4 h-16">
			<Logo />
			<nav className="flex items-center gap-4">
				<Link href="/settings">Settings</Link>
				<Support side="bottom" align="end" sideOffset={8}>
					<Support.Trigger className="flex items-center gap-2 px-3 py-2 rounded-md hover:bg-gray-100">
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
			</nav>
		</header>
	);
}
