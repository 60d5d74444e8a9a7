import { useSupport } from "../hooks/use-support.ts";
import { useSupportText } from "../text/text-context.tsx";

/**
 * A polite, visually hidden live region that tells screen-reader users about unread replies
 * while the window is closed (a trigger's changing label is not announced; the open window's
 * timeline is its own live log). Rendered by `<Support>` whatever the trigger is.
 */
export function UnreadAnnouncer({ isOpen }: { isOpen: boolean }) {
	const { unreadCount } = useSupport();
	const text = useSupportText();
	return (
		<span className="co-visually-hidden" role="status" data-testid="co-unread-announcer">
			{!isOpen && unreadCount > 0 ? text("component.trigger.unread", { count: unreadCount }) : ""}
		</span>
	);
}
