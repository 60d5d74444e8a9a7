import { useEffect, useState } from "react";
import { BASE_PATH } from "./config.ts";

/** The dashboard's pages (paths under `/dashboard/`). */
export type Route =
	| { page: "inbox" }
	| { page: "conversation"; conversationId: string }
	/** The contact panel of a conversation as a page of its own (narrow screens). */
	| { page: "contact"; conversationId: string }
	| { page: "settings" }
	| { page: "login" }
	| { page: "setup" }
	/** Accepting an invitation; the code is in the fragment (see `invitation-link.ts`). */
	| { page: "invite" };

/** Parses a pathname into a route; anything unknown is the inbox. */
export function parseRoute(pathname: string): Route {
	const path = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : "";
	const [first, second, third] = path.split("/");
	if (first === "conversations" && second)
		return third === "contact"
			? { page: "contact", conversationId: second }
			: { page: "conversation", conversationId: second };
	if (first === "settings") return { page: "settings" };
	if (first === "login") return { page: "login" };
	if (first === "setup") return { page: "setup" };
	if (first === "invite") return { page: "invite" };
	return { page: "inbox" };
}

/** The path of a route. */
export function routePath(route: Route): string {
	switch (route.page) {
		case "conversation":
			return `${BASE_PATH}conversations/${encodeURIComponent(route.conversationId)}`;
		case "contact":
			return `${BASE_PATH}conversations/${encodeURIComponent(route.conversationId)}/contact`;
		case "inbox":
			return BASE_PATH;
		default:
			return `${BASE_PATH}${route.page}`;
	}
}

const listeners = new Set<() => void>();

/** Goes to a route (history entry, or replaced). */
export function navigate(route: Route, { replace = false } = {}): void {
	const path = routePath(route) + window.location.search;
	if (path === window.location.pathname + window.location.search) return;
	if (replace) window.history.replaceState(null, "", path);
	else window.history.pushState(null, "", path);
	for (const listener of listeners) listener();
}

/** The current route, following history navigation. */
export function useRoute(): Route {
	const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
	useEffect(() => {
		const update = () => setRoute(parseRoute(window.location.pathname));
		listeners.add(update);
		window.addEventListener("popstate", update);
		return () => {
			listeners.delete(update);
			window.removeEventListener("popstate", update);
		};
	}, []);
	return route;
}
