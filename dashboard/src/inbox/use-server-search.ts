import { useEffect, useState } from "react";
import type { TeamRequest } from "../api/team-request.ts";
import type { InboxFilter } from "./inbox-filter.ts";
import { fetchServerMatches, serverSearchPath } from "./server-search.ts";

/** How long typing must pause before the server is asked (one request per pause, not per key). */
export const SERVER_SEARCH_DEBOUNCE_MS = 250;

/** What the server search contributes to the inbox right now. */
export interface ServerSearch {
	/** Ids the server matched for the current search (absent while none answered yet). */
	matches: ReadonlySet<string> | undefined;
	/**
	 * `local` when only the device's data is searched (offline, or the server could not be
	 * asked): names, emails and latest messages only.
	 */
	scope: "idle" | "server" | "local";
}

/**
 * Asks the server for conversations whose messages (any of them, notes included) match the
 * inbox search, while online. Debounced; an answer for a search the agent has since changed
 * is dropped (the effect of the older search is cleaned up before it lands).
 */
export function useServerSearch(
	request: TeamRequest,
	websiteId: string,
	filter: InboxFilter,
	online: boolean,
): ServerSearch {
	const path = serverSearchPath(websiteId, filter);
	const [answer, setAnswer] = useState<{ path: string; matches: Set<string> } | null>(null);
	const [failedPath, setFailedPath] = useState<string | null>(null);

	useEffect(() => {
		if (!path || !online) return;
		let stale = false;
		const timer = setTimeout(() => {
			fetchServerMatches(request, path, { isStale: () => stale }).then(
				(matches) => {
					if (stale) return;
					setAnswer({ path, matches });
					setFailedPath(null);
				},
				() => {
					if (!stale) setFailedPath(path);
				},
			);
		}, SERVER_SEARCH_DEBOUNCE_MS);
		return () => {
			stale = true;
			clearTimeout(timer);
		};
	}, [request, path, online]);

	if (!path) return { matches: undefined, scope: "idle" };
	if (!online || failedPath === path) return { matches: undefined, scope: "local" };
	// Only the answer for exactly this search and these filters counts: while the next one is in
	// flight the local filter alone applies, never another search's matches.
	return { matches: answer?.path === path ? answer.matches : undefined, scope: "server" };
}
