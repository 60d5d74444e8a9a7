/** Side of the trigger the content opens on. */
export type Side = "top" | "bottom" | "left" | "right";
/** Alignment of the content along that side. */
export type Align = "start" | "center" | "end";
/** Distance kept from the viewport's edges: one number or per side. */
export type CollisionPadding =
	| number
	| { top?: number; right?: number; bottom?: number; left?: number };

/** Where the content goes relative to its trigger (the Customization page's ContentProps). */
export interface PositionOptions {
	side: Side;
	align: Align;
	sideOffset: number;
	avoidCollisions: boolean;
	collisionPadding: CollisionPadding;
}

interface Rect {
	top: number;
	left: number;
	width: number;
	height: number;
}

const OPPOSITE: Record<Side, Side> = { top: "bottom", bottom: "top", left: "right", right: "left" };

function padding(value: CollisionPadding) {
	if (typeof value === "number") return { top: value, right: value, bottom: value, left: value };
	return { top: 0, right: 0, bottom: 0, left: 0, ...value };
}

function place(
	trigger: Rect,
	size: { width: number; height: number },
	side: Side,
	align: Align,
	offset: number,
) {
	const vertical = side === "top" || side === "bottom";
	const top =
		side === "top"
			? trigger.top - size.height - offset
			: side === "bottom"
				? trigger.top + trigger.height + offset
				: alignAxis(trigger.top, trigger.height, size.height, align);
	const left =
		side === "left"
			? trigger.left - size.width - offset
			: side === "right"
				? trigger.left + trigger.width + offset
				: alignAxis(trigger.left, trigger.width, size.width, align);
	return { top, left, vertical };
}

function alignAxis(start: number, length: number, size: number, align: Align): number {
	if (align === "start") return start;
	if (align === "end") return start + length - size;
	return start + (length - size) / 2;
}

/**
 * Positions content of `size` next to `trigger` inside `viewport`: on `side` with `align`; with
 * `avoidCollisions`, flips to the opposite side when the preferred one lacks room and shifts
 * along the axis to stay within `collisionPadding` of the edges.
 *
 * @example
 * computePosition(triggerRect, { width: 380, height: 600 }, { width: 1280, height: 800 },
 *   { side: "top", align: "end", sideOffset: 16, avoidCollisions: true, collisionPadding: 8 })
 */
export function computePosition(
	trigger: Rect,
	size: { width: number; height: number },
	viewport: { width: number; height: number },
	options: PositionOptions,
): { top: number; left: number; side: Side } {
	const pad = padding(options.collisionPadding);
	const fits = (side: Side) => {
		const { top, left } = place(trigger, size, side, options.align, options.sideOffset);
		if (side === "top") return top >= pad.top;
		if (side === "bottom") return top + size.height <= viewport.height - pad.bottom;
		if (side === "left") return left >= pad.left;
		return left + size.width <= viewport.width - pad.right;
	};
	let side = options.side;
	if (options.avoidCollisions && !fits(side) && fits(OPPOSITE[side])) side = OPPOSITE[side];
	let { top, left } = place(trigger, size, side, options.align, options.sideOffset);
	if (options.avoidCollisions) {
		const maxLeft = viewport.width - pad.right - size.width;
		const maxTop = viewport.height - pad.bottom - size.height;
		left = Math.max(pad.left, Math.min(left, maxLeft));
		top = Math.max(pad.top, Math.min(top, maxTop));
	}
	return { top: Math.round(top), left: Math.round(left), side };
}
