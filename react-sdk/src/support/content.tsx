import {
	type CSSProperties,
	type KeyboardEvent,
	type ReactNode,
	useEffect,
	useRef,
	useState,
} from "react";
import { useSupportText } from "../text/text-context.tsx";
import { cx } from "../utils/class-names.ts";
import { activeElementOf, trapTab } from "../utils/focus-trap.ts";
import {
	type Align,
	type CollisionPadding,
	computePosition,
	type Side,
} from "../utils/position.ts";
import { useIsomorphicLayoutEffect } from "../utils/use-isomorphic-layout-effect.ts";
import { useRequiredSupportScope } from "../widget/support-scope.ts";
import { SupportRouter } from "./lazy-router.tsx";

/** Props of `<Support.Content>` (each positioning prop overrides the one given to `<Support>`). */
export interface ContentProps {
	className?: string;
	side?: Side;
	align?: Align;
	sideOffset?: number;
	/** @default true */
	avoidCollisions?: boolean;
	/** @default 8 */
	collisionPadding?: CollisionPadding;
	/** What the window shows. @default <Support.Router /> */
	children?: ReactNode;
}

/**
 * The widget's window: a labelled dialog next to the trigger, rendered while open (and while
 * its closing animation plays, inert, with `data-state="closed"`).
 * Focus moves into it on open, Tab cycles inside it, Escape closes it and focus returns to the
 * trigger.
 *
 * @example
 * <Support.Content side="bottom" align="end" className="my-window" />
 */
export function SupportContent({ className, children, ...overrides }: ContentProps) {
	const scope = useRequiredSupportScope("<Support.Content>");
	const text = useSupportText();
	const { isOpen, handle, contentId, triggerRef, classNames } = scope;
	const position = { ...scope.position, ...definedOnly(overrides) };
	const ref = useRef<HTMLDivElement>(null);
	const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
	const [side, setSide] = useState<Side>(position.side);
	const { side: wantedSide, align, sideOffset, avoidCollisions } = position;
	const padding = JSON.stringify(position.collisionPadding);

	useIsomorphicLayoutEffect(() => {
		if (!isOpen) return;
		const update = () => {
			const trigger = triggerRef.current?.getBoundingClientRect();
			const content = ref.current;
			if (!trigger || !content || (trigger.width === 0 && trigger.height === 0)) return;
			const placed = computePosition(
				trigger,
				{ width: content.offsetWidth, height: content.offsetHeight },
				{ width: window.innerWidth, height: window.innerHeight },
				{
					side: wantedSide,
					align,
					sideOffset,
					avoidCollisions,
					collisionPadding: JSON.parse(padding),
				},
			);
			setSide(placed.side);
			setStyle({
				position: "fixed",
				top: placed.top,
				left: placed.left,
				right: "auto",
				bottom: "auto",
			});
		};
		update();
		window.addEventListener("resize", update);
		window.addEventListener("scroll", update, true);
		return () => {
			window.removeEventListener("resize", update);
			window.removeEventListener("scroll", update, true);
		};
	}, [isOpen, wantedSide, align, sideOffset, avoidCollisions, padding, triggerRef]);

	// Closed, the window stays while its exit animation plays (inert, hidden from assistive
	// technology), then unmounts; without an animation (reduced motion, no stylesheet) at once.
	const [leaving, setLeaving] = useState(false);
	const [renderedOpen, setRenderedOpen] = useState(isOpen);
	if (renderedOpen !== isOpen) {
		setRenderedOpen(isOpen);
		setLeaving(!isOpen);
	}
	const wasOpen = useRef(isOpen);
	useEffect(() => {
		const content = ref.current;
		if (isOpen && content && !content.contains(activeElementOf(content))) content.focus();
		// Focus inside the closed window is gone or leaving with it: back to the trigger.
		const active =
			(triggerRef.current && activeElementOf(triggerRef.current)) ?? document.activeElement;
		if (
			!isOpen &&
			wasOpen.current &&
			(active === document.body || !active || content?.contains(active))
		) {
			triggerRef.current?.focus();
		}
		wasOpen.current = isOpen;
	}, [isOpen, triggerRef]);
	// Before paint: without an animation the closed window never shows for a frame.
	useIsomorphicLayoutEffect(() => {
		const content = ref.current;
		if (!leaving || !content) return;
		const done = () => setLeaving(false);
		const animation = getComputedStyle(content).animationName;
		if (!animation || animation === "none") return done();
		content.addEventListener("animationend", done);
		// A tab in the background may never run the animation: do not keep the window forever.
		const timer = setTimeout(done, 500);
		return () => {
			content.removeEventListener("animationend", done);
			clearTimeout(timer);
		};
	}, [leaving]);

	if (!isOpen && !leaving) return null;
	const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
		if (event.defaultPrevented) return;
		if (event.key === "Escape") {
			event.preventDefault();
			handle.close();
			triggerRef.current?.focus();
		} else if (event.key === "Tab" && ref.current && trapTab(ref.current, event.shiftKey)) {
			event.preventDefault();
		}
	};
	return (
		<div
			ref={ref}
			id={contentId}
			role="dialog"
			aria-modal="false"
			aria-label={text("component.dialog.label")}
			tabIndex={-1}
			data-side={side}
			data-align={position.align}
			data-state={isOpen ? "open" : "closed"}
			className={cx("co-content", classNames.content, className)}
			style={style}
			onKeyDown={onKeyDown}
			{...(isOpen ? {} : { inert: true, "aria-hidden": true })}
		>
			{children ?? <SupportRouter />}
		</div>
	);
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
