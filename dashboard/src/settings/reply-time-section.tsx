import { type WebsiteSettings, websiteSettingsSchema } from "@cossistant/types";
import { useId } from "react";
import { expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { useFormAction } from "../forms/use-form-action.ts";
import { Label, NativeSelect } from "../ui/input.tsx";
import { SettingsSection } from "./settings-section.tsx";

/** Props of {@link ReplyTimeSection}. */
export interface ReplyTimeSectionProps {
	request: TeamRequest;
	websiteId: string;
	settings: WebsiteSettings;
	onSettings: (settings: WebsiteSettings) => void;
	readOnly: boolean;
}

/** The choices offered, in minutes (the API takes any whole number up to a week). */
const PRESETS: ReadonlyArray<{ minutes: number | null; label: string }> = [
	{ minutes: null, label: "Not shown" },
	{ minutes: 5, label: "A few minutes" },
	{ minutes: 15, label: "Within 15 minutes" },
	{ minutes: 60, label: "Within an hour" },
	{ minutes: 240, label: "Within a few hours" },
	{ minutes: 1440, label: "Within a day" },
];

/** The select's value for a setting (`""` is "not shown"). */
const optionValue = (minutes: number | null) => (minutes === null ? "" : String(minutes));

/**
 * How long the team usually takes to answer: the widget's home page says so next to the team's
 * avatars. Admins pick it; agents see it.
 */
export function ReplyTimeSection(props: ReplyTimeSectionProps) {
	const { request, websiteId, settings, onSettings, readOnly } = props;
	const selectId = useId();
	const { status, announce } = useAnnouncer();
	const save = useFormAction(
		async (replyTimeMinutes: number | null) => {
			const answer = expectAnswer(
				websiteSettingsSchema,
				await request(`/websites/${encodeURIComponent(websiteId)}/settings`, {
					method: "PATCH",
					body: { replyTimeMinutes },
				}),
				"the settings",
			);
			onSettings(answer);
			return answer.replyTimeMinutes === null
				? "The widget no longer shows a reply time."
				: "The widget now shows this reply time.";
		},
		{ errorPrefix: "Saving failed: ", announce },
	);
	const current = settings.replyTimeMinutes;
	// A value set through the API that is not a preset stays selectable as it is.
	const options = PRESETS.some((preset) => preset.minutes === current)
		? PRESETS
		: [...PRESETS, { minutes: current, label: `Within ${current} minutes` }];

	return (
		<SettingsSection
			status={status}
			title="Reply time"
			description="Shown to visitors on the widget's home page, next to your team."
		>
			<div className="flex flex-col gap-2 sm:max-w-xs">
				<Label htmlFor={selectId}>We usually reply</Label>
				<NativeSelect
					id={selectId}
					value={optionValue(current)}
					disabled={readOnly || save.pending}
					onChange={(event) =>
						void save.run(event.target.value === "" ? null : Number(event.target.value))
					}
				>
					{options.map((option) => (
						<option key={optionValue(option.minutes)} value={optionValue(option.minutes)}>
							{option.label}
						</option>
					))}
				</NativeSelect>
			</div>
			<FieldError message={save.error} />
		</SettingsSection>
	);
}
