// Customization, level 4: custom content. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/level-4/page.tsx renders it.
"use client";

import { Support } from "@cossistant/next";
// The docs leave the app's own trigger content out.
import { MyTriggerContent } from "../my-trigger-content";

// The docs show the element alone; a component renders it here.
export default function Level4() {
	return (
		<Support>
			<Support.Trigger className="...">
				{(props) => <MyTriggerContent {...props} />}
			</Support.Trigger>
			<Support.Content
				side="bottom"
				align="end"
				sideOffset={8}
				className="border-2 border-purple-500"
			>
				<Support.Router />
			</Support.Content>
		</Support>
	);
}
