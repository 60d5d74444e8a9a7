import { lazy, Suspense } from "react";
import type { TooltipImplProps } from "./tooltip-impl.tsx";

// Radix's tooltip (with its positioning engine) is a chunk of its own: the inbox and the
// conversation paint without it, and tooltips work a few milliseconds later.
const TooltipImpl = lazy(() =>
	import("./tooltip-impl.tsx").then((module) => ({ default: module.TooltipImpl })),
);

/** Props of {@link Tooltip}. */
export type TooltipProps = TooltipImplProps;

/**
 * A tooltip naming the element it wraps (icon buttons): on hover and keyboard focus. The element
 * shows on its own until the tooltip's code is in.
 */
export function Tooltip(props: TooltipProps) {
	return (
		<Suspense fallback={props.children}>
			<TooltipImpl {...props} />
		</Suspense>
	);
}
