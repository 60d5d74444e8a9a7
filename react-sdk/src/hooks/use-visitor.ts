import type {
	IdentifyParams,
	IdentifyResponse,
	PublicVisitor,
	VisitorMetadata,
} from "@cossistant/types";
import { useCallback } from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { toError } from "../utils/errors.ts";

/** What `useVisitor()` returns. */
export interface UseVisitorResult {
	/** The visitor (`contact` is set once identified), or null before the bootstrap. */
	visitor: PublicVisitor | null;
	/**
	 * Links the visitor to a contact (`externalId` and/or `email`). Resolves with the visitor and
	 * contact, or `null` when it failed (an `error` event carries the reason).
	 */
	identify: (params: IdentifyParams) => Promise<IdentifyResponse | null>;
	/**
	 * Replaces the contact's metadata (call `identify()` first). Unchanged metadata sends nothing.
	 * Resolves with whether anything was sent, or `null` when it failed: before `identify()` an
	 * `error` event (`set_visitor_metadata_failed`, error code `visitor_not_identified`) says so
	 * and nothing is kept, so call it again once identified.
	 */
	setVisitorMetadata: (metadata: VisitorMetadata) => Promise<boolean | null>;
}

/**
 * The visitor and the calls that turn it into an identified contact.
 *
 * @example
 * const { visitor, identify } = useVisitor();
 * useEffect(() => {
 *   if (user && !visitor?.contact) identify({ externalId: user.id, email: user.email });
 * }, [user, visitor?.contact, identify]);
 */
export function useVisitor(): UseVisitorResult {
	const { client, requireClient } = useSupportSession("useVisitor");
	const visitor = useStore(client?.visitorState, (state) => state?.visitor ?? null);
	const identify = useCallback(
		async (params: IdentifyParams) => {
			try {
				const client = await requireClient();
				try {
					await client.fetchWebsite();
					return await client.identify(params);
				} catch (error) {
					client.events.emitError(toError(error), "identify_failed");
					return null;
				}
			} catch {
				return null; // Not configured: the widget shows the configuration error.
			}
		},
		[requireClient],
	);
	const setVisitorMetadata = useCallback(
		async (metadata: VisitorMetadata) => {
			try {
				const client = await requireClient();
				try {
					return await client.setVisitorMetadata(metadata);
				} catch (error) {
					client.events.emitError(toError(error), "set_visitor_metadata_failed");
					return null;
				}
			} catch {
				return null; // Not configured: the widget shows the configuration error.
			}
		},
		[requireClient],
	);
	return { visitor, identify, setVisitorMetadata };
}
