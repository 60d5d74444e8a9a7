import { useSupport } from "../../hooks/use-support.ts";
import { useSupportText } from "../../text/text-context.tsx";

/** Tells a blocked visitor that messages cannot be sent (instead of queueing them forever). */
export function BlockedNotice() {
	const { isBlocked } = useSupport();
	const text = useSupportText();
	if (!isBlocked) return null;
	return (
		<p className="co-blocked" role="status">
			{text("component.blocked")}
		</p>
	);
}
