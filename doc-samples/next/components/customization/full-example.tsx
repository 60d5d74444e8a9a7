// Customization, the full example. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/full-example/page.tsx renders it.
"use client";

import { Support, type TriggerRenderProps } from "@cossistant/next";
import { MessageCircle, X } from "lucide-react";

const TriggerContent = ({ isOpen, unreadCount }: TriggerRenderProps) => (
	<>
		{isOpen ? <X className="size-5" /> : <MessageCircle className="size-6" />}
		{unreadCount > 0 && (
			<span className="absolute -top-1 -right-1 flex size-5 items-center justify-center rounded-full bg-red-500 text-white text-xs">
				{unreadCount}
			</span>
		)}
	</>
);

export default function App() {
	return (
		<Support theme="dark" side="top" align="end">
			<Support.Trigger className="relative flex size-14 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-700">
				{(props) => <TriggerContent {...props} />}
			</Support.Trigger>
			<Support.Content className="border-indigo-200" />
		</Support>
	);
}
