import type { Typer } from "@cossistant/core";
import type { HTMLAttributes, ReactNode } from "react";
import { useSupportText } from "../text/text-context.tsx";

/** Someone typing, as `<Primitives.TypingIndicator participants>` takes them. */
export interface TypingParticipant {
	id: string;
	/** Shown in the default text; without one, "Support is typing…". */
	name?: string | null;
	/** Who they are: a human agent (`user` or `team_member`), an AI agent or a visitor. */
	type?: "user" | "team_member" | "ai" | "visitor";
}

/** Props of `<Primitives.TypingIndicator>`. */
export type TypingIndicatorProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	/** Who is typing. */
	participants?: TypingParticipant[];
	/** Who is typing, as `useConversationPage().typing` lists them (joins `participants`). */
	typing?: Typer[];
	/** What to show while someone types. @default "Sarah is typing…" in the widget's locale */
	children?: ReactNode | ((participants: TypingParticipant[]) => ReactNode);
};

/**
 * Headless typing indicator: a polite live region, empty while nobody types, that says who is
 * typing (`data-typing` is set meanwhile, e.g. to animate dots).
 *
 * @example
 * <Primitives.TypingIndicator participants={[{ id: "1", name: "Alice", type: "user" }]} />
 * <Primitives.TypingIndicator typing={page.typing}>
 *   {([first]) => `${first?.name ?? "Support"} is typing…`}
 * </Primitives.TypingIndicator>
 */
export function TypingIndicator({
	participants = [],
	typing = [],
	children,
	...props
}: TypingIndicatorProps) {
	const text = useSupportText();
	const everyone = [
		...participants,
		...typing.map((typer) => ({ id: typer.principal, name: typer.name })),
	];
	const first = everyone[0];
	const content = !first
		? null
		: typeof children === "function"
			? children(everyone)
			: (children ??
				(first.name
					? text("component.typing.named", { name: first.name })
					: text("component.typing.anonymous")));
	return (
		<div aria-live="polite" data-typing={first ? true : undefined} {...props}>
			{content}
		</div>
	);
}
