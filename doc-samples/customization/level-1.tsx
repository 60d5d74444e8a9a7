// Customization, level 1: style overrides with classNames.
import { Support } from "@cossistant/next";

// The docs show the element alone; a component renders it here.
export default function Level1() {
	return (
		<Support
			classNames={{
				trigger: "bg-purple-600 hover:bg-purple-700",
				content: "border-purple-200 shadow-2xl",
			}}
		/>
	);
}
