import { useSupport } from "../../hooks/use-support.ts";
import { useSupportText } from "../../text/text-context.tsx";

/** Tells the visitor that messages are queued while the connection is down. */
export function OfflineNotice() {
	const { isOffline, isLoading } = useSupport();
	const text = useSupportText();
	if (!isOffline || isLoading) return null;
	return (
		<p className="co-offline" role="status">
			{text("component.offline")}
		</p>
	);
}
