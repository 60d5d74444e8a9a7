// Primitives: import, the namespace and an alias.
import { Primitives as P, Primitives } from "@cossistant/next";

// The docs show the elements alone; components render them here.
export function Namespace() {
	return (
		<>
			{/* Use individual primitives */}
			<Primitives.Trigger>...</Primitives.Trigger>
			<Primitives.Window>...</Primitives.Window>
			<Primitives.Avatar>...</Primitives.Avatar>
		</>
	);
}

export function Alias() {
	return <P.Trigger>...</P.Trigger>;
}
