import type { IdentifyParams, VisitorMetadata } from "@cossistant/types";
import { useEffect, useRef } from "react";
import { loadClientModule } from "../provider/load-client.ts";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { toError } from "../utils/errors.ts";

/** Props of `<IdentifySupportVisitor>`: the `identify()` parameters. */
export type IdentifySupportVisitorProps = IdentifyParams;

/** The identify parameters flattened into primitives, so the core's metadata hash applies. */
function flatten(params: IdentifyParams): VisitorMetadata {
	const flat: VisitorMetadata = {};
	for (const [key, value] of Object.entries(params)) {
		if (key === "metadata" || value === undefined) continue;
		flat[key] = value as string;
	}
	for (const [key, value] of Object.entries(params.metadata ?? {})) flat[`metadata.${key}`] = value;
	return flat;
}

/**
 * Identifies the visitor as your signed-in user (renders nothing). It sends `identify` only when
 * the parameters' hash (SHA-256 of their canonical JSON, kept next to the visitor identity)
 * differs from the last one sent for this visitor, so rendering it on every page and every
 * reload costs no request.
 *
 * @example
 * {user && <IdentifySupportVisitor externalId={user.id} email={user.email} name={user.name} metadata={{ plan: "pro" }} />}
 */
export function IdentifySupportVisitor(props: IdentifySupportVisitorProps): null {
	const { client, ready, storage } = useSupportSession("<IdentifySupportVisitor>");
	const visitorId = useStore(client?.visitorState, (state) => state?.visitor?.id ?? null);
	const paramsKey = JSON.stringify(props);
	const inFlight = useRef<string | null>(null);

	useEffect(() => {
		if (!client || !ready || !visitorId) return;
		const params = JSON.parse(paramsKey) as IdentifyParams;
		let cancelled = false;
		const key = `cossistant:identify-hash:${visitorId}`;
		void (async () => {
			try {
				const { hashMetadata } = await loadClientModule();
				const hash = await hashMetadata(flatten(params));
				if (cancelled || inFlight.current === hash) return;
				if (storage.get(key) === hash) return;
				inFlight.current = hash;
				try {
					await client.identify(params);
					storage.set(key, hash);
				} finally {
					if (inFlight.current === hash) inFlight.current = null;
				}
			} catch (error) {
				client.events.emitError(toError(error), "identify_failed");
			}
		})();
		return () => {
			cancelled = true;
		};
	}, [client, ready, visitorId, storage, paramsKey]);
	return null;
}
