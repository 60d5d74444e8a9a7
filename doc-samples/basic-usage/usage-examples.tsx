// Basic usage: usage examples, basic styling and positioning.
import { Support } from "@cossistant/next";

// The docs show the elements alone; components render them here.
export function BasicStyling() {
	return (
		<Support
			theme="dark"
			classNames={{
				trigger: "bg-purple-600 hover:bg-purple-700",
				content: "border-purple-200 shadow-2xl",
			}}
		/>
	);
}

export function WithPositioning() {
	return <Support side="bottom" align="end" sideOffset={8} />;
}
