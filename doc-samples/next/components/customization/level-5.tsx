// Customization, level 5: full composition. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/level-5/page.tsx renders it.
"use client";

import { Support } from "@cossistant/next";

export default function App() {
	return (
		<Support.Root defaultOpen={false} theme="dark">
			<Support.Trigger asChild>
				<button className="px-4 py-2 bg-indigo-600 rounded" type="button">
					Help
				</button>
			</Support.Trigger>
			<Support.Content side="bottom" align="end" className="custom-content">
				<Support.Router />
			</Support.Content>
		</Support.Root>
	);
}
