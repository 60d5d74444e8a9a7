import { type ReactNode, useId } from "react";
import { Card } from "../ui/card.tsx";

/** Props of {@link SettingsSection}. */
export interface SettingsSectionProps {
	/** The section's heading and accessible name ("API keys"). */
	title: string;
	/** Heading level: sections of a group ("Developers") are one level down. */
	level?: 2 | 3;
	/** What the section is for, under the heading. */
	description?: ReactNode;
	/** The section's status line: the last success of its forms (`useAnnouncer`). */
	status?: string;
	children: ReactNode;
}

/**
 * One settings section as a card: a region named by its heading, a description, the content,
 * and one polite status region for what its forms did.
 */
export function SettingsSection(props: SettingsSectionProps) {
	const { title, level = 2, description, status = "", children } = props;
	const headingId = useId();
	const Heading = level === 2 ? "h2" : "h3";
	return (
		<Card aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
			<div className="flex flex-col gap-1">
				<Heading id={headingId} className="m-0 text-base font-semibold">
					{title}
				</Heading>
				{description ? (
					<p className="m-0 max-w-prose text-sm text-muted-foreground">{description}</p>
				) : null}
			</div>
			{children}
			<p role="status" className="m-0 text-sm font-medium text-success empty:hidden">
				{status}
			</p>
		</Card>
	);
}
