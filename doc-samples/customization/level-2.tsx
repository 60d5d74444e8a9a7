// Customization, level 2: positioning, and automatic collision avoidance.
import { Support } from "@cossistant/next";

// The docs show the elements alone; components render them here.
export default function Level2() {
	return (
		<Support
			side="bottom" // "top" | "bottom" | "left" | "right"
			align="end" // "start" | "center" | "end"
			sideOffset={16} // Distance in pixels
		/>
	);
}

export function CollisionAvoidance() {
	return (
		<>
			{/* Collision avoidance is enabled by default */}
			<Support side="top" align="end" />

			{/* Disable collision avoidance for static positioning */}
			<Support avoidCollisions={false} />

			{/* Custom padding from viewport edges (default: 8px) */}
			<Support collisionPadding={16} />

			{/* Per-side collision padding */}
			<Support collisionPadding={{ top: 8, bottom: 32, left: 8, right: 8 }} />
		</>
	);
}
