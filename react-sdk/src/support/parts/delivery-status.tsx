import type { TimelineItemView } from "@cossistant/core";
import { useSupport } from "../../hooks/use-support.ts";
import { useSupportText } from "../../text/text-context.tsx";
import { toError } from "../../utils/errors.ts";
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from "./icons.tsx";

const ICONS = {
	queued: ClockIcon,
	sent: CheckIcon,
	seen: DoubleCheckIcon,
	failed: AlertIcon,
} as const;

/**
 * Delivery state of one of the visitor's messages: a small clock, tick or double tick with its
 * word (shown under the last message of a group, read to screen readers on each), or the
 * failure with retry / discard.
 */
export function DeliveryStatus({ item }: { item: TimelineItemView }) {
	const { client } = useSupport();
	const text = useSupportText();
	if (!item.delivery) return null;
	const commandId = item.commandId;
	const act = (action: "retry" | "discard") => {
		if (!client || !commandId) return;
		client[action](commandId).catch((error: unknown) =>
			client.events.emitError(toError(error), `message_${action}_failed`),
		);
	};
	const Icon = ICONS[item.delivery];
	return (
		<div className="co-delivery" data-state={item.delivery}>
			<Icon />
			<span className="co-delivery-label" data-testid="co-delivery">
				{text(`component.message.${item.delivery}`)}
			</span>
			{item.delivery === "failed" ? (
				<>
					{item.failure?.reason ? (
						<span className="co-delivery-reason">{item.failure.reason}</span>
					) : null}
					<button type="button" className="co-link-button" onClick={() => act("retry")}>
						{text("common.actions.retry")}
					</button>
					<button type="button" className="co-link-button" onClick={() => act("discard")}>
						{text("common.actions.discard")}
					</button>
				</>
			) : null}
		</div>
	);
}
