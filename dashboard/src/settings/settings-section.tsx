import { type ReactNode, useId } from "react";

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
 * One settings section: a region named by its heading, a description, the content, and one
 * polite status region for what its forms did.
 */
export function SettingsSection(props: SettingsSectionProps) {
	const { title, level = 2, description, status = "", children } = props;
	const headingId = useId();
	const Heading = level === 2 ? "h2" : "h3";
	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<Heading id={headingId}>{title}</Heading>
			{description ? <p className="dash-hint">{description}</p> : null}
			{children}
			<p role="status" className="dash-status">
				{status}
			</p>
		</section>
	);
}
