// Theme: the theme prop and automatic detection.
import { Support } from "@cossistant/next";

// The docs show the elements alone; components render them here.
export function ForcedThemes() {
	return (
		<>
			{/* Force dark theme */}
			<Support theme="dark" />

			{/* Force light theme (default) */}
			<Support theme="light" />
		</>
	);
}

export function AutomaticDark() {
	return (
		// Widget adapts automatically
		<html className="dark">
			<body>
				<Support />
			</body>
		</html>
	);
}

export function DataAttributeDark() {
	return (
		// Or with data attribute
		<div data-color-scheme="dark">
			<Support />
		</div>
	);
}
