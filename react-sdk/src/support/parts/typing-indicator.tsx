import type { Typer } from "@cossistant/core";
import { useSupportText } from "../../text/text-context.tsx";

/** "Sarah is typing…" while an agent types (announced politely to screen readers). */
export function TypingIndicator({ typing }: { typing: Typer[] }) {
	const text = useSupportText();
	const first = typing[0];
	return (
		<div className="co-typing" aria-live="polite">
			{first ? (
				<>
					<span className="co-typing-dots" aria-hidden="true">
						<span />
						<span />
						<span />
					</span>
					<span>
						{first.name
							? text("component.typing.named", { name: first.name })
							: text("component.typing.anonymous")}
					</span>
				</>
			) : null}
		</div>
	);
}
