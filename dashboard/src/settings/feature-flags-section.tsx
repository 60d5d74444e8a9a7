import {
	type FeatureFlagsResponse,
	type FeatureFlagTargetType,
	featureFlagsResponseSchema,
	featureFlagTargetTypeSchema,
	idSchema,
	supportNameSchema,
} from "@cossistant/types";
import { useId, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { checkInput, expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { submits, useFormAction } from "../forms/use-form-action.ts";
import { Button } from "../ui/button.tsx";
import { Input, NativeSelect } from "../ui/input.tsx";
import { SettingsSection } from "./settings-section.tsx";

/** Props of {@link FeatureFlagsSection}. */
export interface FeatureFlagsSectionProps {
	request: TeamRequest;
	/** Agents who are not admins may look flags up but not change them. */
	readOnly: boolean;
}

const TARGET_LABEL: Record<FeatureFlagTargetType, string> = {
	visitor: "Visitor",
	contact: "Contact",
	contactOrganization: "Organization",
};

/**
 * The feature flags of one visitor, contact or organization, looked up by id: each flag is a
 * checkbox (admins toggle it; the change reaches the person's widget live) and a new flag can
 * be added by name. A flag switched off stays listed, so it can be switched back on.
 */
export function FeatureFlagsSection({ request, readOnly }: FeatureFlagsSectionProps) {
	const typeId = useId();
	const idId = useId();
	const newFlagId = useId();
	const lookupErrorId = useId();
	const addErrorId = useId();
	const [targetType, setTargetType] = useState<FeatureFlagTargetType>("visitor");
	const [targetId, setTargetId] = useState("");
	const [loaded, setLoaded] = useState<FeatureFlagsResponse | null>(null);
	const [known, setKnown] = useState<string[]>([]);
	const [newFlag, setNewFlag] = useState("");

	const path = (target: FeatureFlagsResponse["target"]) =>
		`/feature-flags/${target.type}/${encodeURIComponent(target.id)}`;

	const { status, announce } = useAnnouncer();
	const lookUp = useFormAction(
		async () => {
			const type = checkInput(featureFlagTargetTypeSchema, targetType);
			const id = checkInput(idSchema, targetId.trim());
			if (!type.ok || !id.ok)
				throw new Error(!id.ok ? `Id ${id.message}.` : `Flags of: ${type.ok ? "" : type.message}`);
			let answer: FeatureFlagsResponse;
			try {
				answer = expectAnswer(
					featureFlagsResponseSchema,
					await request(path({ type: type.value, id: id.value })),
					"the feature flags",
				);
			} catch (error) {
				setLoaded(null);
				throw error;
			}
			setLoaded(answer);
			setKnown(answer.featureFlags);
			const count = answer.featureFlags.length;
			return `${TARGET_LABEL[answer.target.type]} found: ${count} flag${count === 1 ? "" : "s"} on.`;
		},
		{ announce },
	);

	// Toggling a flag and adding one share the error line under the flags.
	const change = useFormAction(
		async (operation: "add" | "remove", flag: string) => {
			if (!loaded) return;
			if (operation === "add") {
				const input = checkInput(supportNameSchema, flag);
				if (!input.ok) throw new Error(`Flag name ${input.message}.`);
			}
			try {
				const answer = expectAnswer(
					featureFlagsResponseSchema,
					await request(path(loaded.target), {
						method: "PATCH",
						body: { operation, flags: [flag] },
					}),
					"the feature flags",
				);
				setLoaded(answer);
				setKnown((current) => [...new Set([...current, ...answer.featureFlags])].sort());
				if (operation === "add") setNewFlag("");
				return `${flag} is now ${answer.featureFlags.includes(flag) ? "on" : "off"}.`;
			} catch (error) {
				throw new Error(`Changing ${flag} failed: ${errorMessage(error)}`);
			}
		},
		{ announce },
	);

	return (
		<SettingsSection
			status={status}
			title="Feature flags"
			description="Flags turn features of your support widget on for one visitor, a contact (all their devices) or a whole organization. Find the id in the contact panel of a conversation."
		>
			<form
				className="mt-1 flex flex-col gap-4 border-t border-border pt-5 sm:flex-row sm:flex-wrap sm:items-end"
				onSubmit={submits(lookUp.run)}
				aria-label="Look up feature flags"
				noValidate
			>
				<div className="flex flex-col gap-1.5">
					<label htmlFor={typeId} className="text-sm font-medium">
						Flags of
					</label>
					<NativeSelect
						id={typeId}
						value={targetType}
						onChange={(event) => setTargetType(event.target.value as FeatureFlagTargetType)}
					>
						<option value="visitor">Visitor</option>
						<option value="contact">Contact</option>
						<option value="contactOrganization">Organization</option>
					</NativeSelect>
				</div>
				<div className="flex flex-col gap-1.5 min-w-40 flex-1">
					<label htmlFor={idId} className="text-sm font-medium">
						Id
					</label>
					<Input
						id={idId}
						className="font-mono"
						value={targetId}
						autoComplete="off"
						spellCheck={false}
						onChange={(event) => setTargetId(event.target.value)}
						aria-invalid={lookUp.error ? true : undefined}
						aria-describedby={lookUp.error ? lookupErrorId : undefined}
					/>
				</div>
				<div className="flex flex-wrap gap-2">
					<Button type="submit" disabled={lookUp.pending}>
						{lookUp.pending ? "Looking up…" : "Look up"}
					</Button>
				</div>
				<FieldError
					id={lookupErrorId}
					message={lookUp.error}
					className="m-0 text-sm text-danger basis-full"
				/>
			</form>

			{loaded ? (
				<div className="flex flex-col gap-3">
					<fieldset
						className="m-0 flex min-w-0 flex-col gap-2 rounded-lg border border-border p-4"
						disabled={readOnly || change.pending}
					>
						<legend>
							Flags of {TARGET_LABEL[loaded.target.type].toLowerCase()}{" "}
							<span className="font-mono text-[13px] break-all">{loaded.target.id}</span>
						</legend>
						{known.length === 0 ? (
							<p className="m-0 text-sm text-muted-foreground">No flag yet.</p>
						) : null}
						{known.map((flag) => (
							<label key={flag} className="flex items-center gap-2 max-md:min-h-11">
								<input
									type="checkbox"
									checked={loaded.featureFlags.includes(flag)}
									onChange={(event) =>
										void change.run(event.target.checked ? "add" : "remove", flag)
									}
								/>
								<span className="font-mono text-[13px] break-all">{flag}</span>
							</label>
						))}
					</fieldset>
					{readOnly ? (
						<p className="m-0 text-sm text-muted-foreground">Only admins change feature flags.</p>
					) : (
						<form
							className="mt-1 flex flex-col gap-4 border-t border-border pt-5 sm:flex-row sm:flex-wrap sm:items-end"
							onSubmit={(event) => {
								event.preventDefault();
								void change.run("add", newFlag.trim());
							}}
							aria-label="Add a feature flag"
							noValidate
						>
							<div className="flex flex-col gap-1.5 min-w-40 flex-1">
								<label htmlFor={newFlagId} className="text-sm font-medium">
									New flag
								</label>
								<Input
									id={newFlagId}
									className="font-mono"
									value={newFlag}
									placeholder="beta-dashboard"
									autoComplete="off"
									spellCheck={false}
									onChange={(event) => setNewFlag(event.target.value)}
									aria-invalid={change.error ? true : undefined}
									aria-describedby={change.error ? addErrorId : undefined}
								/>
							</div>
							<div className="flex flex-wrap gap-2">
								<Button type="submit" variant="outline" disabled={change.pending}>
									Add flag
								</Button>
							</div>
						</form>
					)}
					<FieldError id={addErrorId} message={change.error} />
				</div>
			) : null}
		</SettingsSection>
	);
}
