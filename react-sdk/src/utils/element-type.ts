import { isValidElement, type ReactElement, type ReactNode } from "react";

const LAZY = Symbol.for("react.lazy");

interface LazyType {
	$$typeof: symbol;
	_payload: unknown;
	_init: (payload: unknown) => unknown;
}

function isLazy(type: unknown): type is LazyType {
	return (
		typeof type === "object" &&
		type !== null &&
		(type as { $$typeof?: unknown }).$$typeof === LAZY &&
		typeof (type as { _init?: unknown })._init === "function"
	);
}

/**
 * Whether `node` is an element of `component`. A part a Server Component renders (e.g.
 * `<SupportTrigger>` in a Next.js page) reaches the client as an element whose type is a lazy
 * reference to the client module, not the component itself: it is resolved here as React
 * resolves it to render (which suspends, like rendering the part would, if its module is not
 * loaded yet).
 */
export function isElementOf(node: ReactNode, component: unknown): node is ReactElement {
	if (!isValidElement(node)) return false;
	const type = isLazy(node.type) ? node.type._init(node.type._payload) : node.type;
	return type === component;
}
