import type { DefaultMessage } from "@cossistant/types";
import { useEffect } from "react";
import { useSupportSession } from "../provider/support-context.ts";

/** Props of `<SupportConfig>`. */
export interface SupportConfigProps {
	/** Welcome messages before a conversation starts on this page. */
	defaultMessages?: DefaultMessage[];
	/** Suggested first messages on this page. */
	quickOptions?: string[];
}

/**
 * Sets the widget's welcome messages and quick options while mounted (per page of your app);
 * renders nothing. The most recently mounted one wins.
 *
 * @example
 * <SupportConfig
 *   defaultMessages={[{ content: "Hi! Questions about pricing?", senderType: SenderType.TEAM_MEMBER }]}
 *   quickOptions={["How does billing work?"]}
 * />
 */
export function SupportConfig({ defaultMessages, quickOptions }: SupportConfigProps): null {
	const { widget } = useSupportSession("<SupportConfig>");
	const messagesKey = defaultMessages ? JSON.stringify(defaultMessages) : null;
	const optionsKey = quickOptions ? JSON.stringify(quickOptions) : null;
	useEffect(() => {
		if (messagesKey === null) return;
		const previous = widget.getState().defaultMessages;
		widget.actions.setDefaultMessages(JSON.parse(messagesKey));
		return () => widget.actions.setDefaultMessages(previous);
	}, [widget, messagesKey]);
	useEffect(() => {
		if (optionsKey === null) return;
		const previous = widget.getState().quickOptions;
		widget.actions.setQuickOptions(JSON.parse(optionsKey));
		return () => widget.actions.setQuickOptions(previous);
	}, [widget, optionsKey]);
	return null;
}
