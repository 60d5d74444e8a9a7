// Locale & Text: rendering copy with <Text /> and useSupportText().
import { Text, useSupportText } from "@cossistant/next/support";

export const AskButton = () => {
	const text = useSupportText();

	return (
		<button className="cta">
			<Text as="span" textKey="common.actions.askQuestion" />
			<span className="hint">{text("page.home.history.more", { count: 2 })}</span>
		</button>
	);
};
