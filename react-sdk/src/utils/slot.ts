import { cloneElement, isValidElement, type ReactNode, type Ref, type RefCallback } from "react";
import { cx } from "./class-names.ts";

type AnyProps = Record<string, unknown>;

/** Points `ref` (a callback or an object ref) at `value`. */
export function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
	if (typeof ref === "function") ref(value);
	else if (ref) ref.current = value;
}

/** One callback ref that sets every given ref. */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
	return (value) => {
		for (const ref of refs) setRef(ref, value);
	};
}

/**
 * The props of an `asChild` element: the part's props under the child's, as Radix's Slot merges
 * them. The child wins for plain props (its own `type`, `aria-label`…); event handlers run both,
 * the child's first, so it can `preventDefault()` the part's behaviour; class names join; styles
 * merge with the child's on top.
 */
export function mergeSlotProps(slot: AnyProps, child: AnyProps): AnyProps {
	const merged: AnyProps = { ...slot, ...child };
	for (const [key, ours] of Object.entries(slot)) {
		const theirs = child[key];
		if (/^on[A-Z]/.test(key) && typeof ours === "function" && typeof theirs === "function") {
			merged[key] = (...args: unknown[]) => {
				theirs(...args);
				ours(...args);
			};
		} else if (key === "className") {
			merged[key] = cx(ours as string | undefined, theirs as string | undefined);
		} else if (key === "style" && ours && theirs) {
			merged[key] = { ...(ours as object), ...(theirs as object) };
		}
	}
	return merged;
}

/**
 * Renders `child` (the single element given to an `asChild` part) with the part's props and ref
 * merged onto it, instead of the part's own element.
 *
 * @throws when `child` is not exactly one React element (text, several elements, nothing)
 */
export function renderAsChild<T>(
	owner: string,
	child: ReactNode,
	props: AnyProps,
	ref?: Ref<T>,
): ReactNode {
	if (!isValidElement<AnyProps>(child)) {
		throw new Error(`${owner} with asChild expects exactly one element as its child.`);
	}
	// React 19 passes an element's ref as a prop.
	const childRef = child.props.ref as Ref<unknown> | undefined;
	return cloneElement(child, {
		...mergeSlotProps(props, child.props),
		ref: ref || childRef ? composeRefs<unknown>(ref as Ref<unknown>, childRef) : undefined,
	});
}
