import {
	type FeatureFlagsResponse,
	type FeatureFlagTargetType,
	featureFlagsResponseSchema,
	featureFlagTargetTypeSchema,
	idSchema,
	supportNameSchema,
} from "@cossistant/types";
import { type FormEvent, useId, useState } from "react";
import { checkInput, expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";

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
	const headingId = useId();
	const typeId = useId();
	const idId = useId();
	const newFlagId = useId();
	const lookupErrorId = useId();
	const addErrorId = useId();
	const [targetType, setTargetType] = useState<FeatureFlagTargetType>("visitor");
	const [targetId, setTargetId] = useState("");
	const [loaded, setLoaded] = useState<FeatureFlagsResponse | null>(null);
	const [known, setKnown] = useState<string[]>([]);
	const [lookupError, setLookupError] = useState<string | null>(null);
	const [looking, setLooking] = useState(false);
	const [newFlag, setNewFlag] = useState("");
	const [addError, setAddError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const [status, setStatus] = useState("");

	const path = (target: FeatureFlagsResponse["target"]) =>
		`/feature-flags/${target.type}/${encodeURIComponent(target.id)}`;

	const lookUp = async (event: FormEvent) => {
		event.preventDefault();
		const type = checkInput(featureFlagTargetTypeSchema, targetType);
		const id = checkInput(idSchema, targetId.trim());
		if (!type.ok || !id.ok) {
			setLookupError(!id.ok ? `Id ${id.message}.` : `Flags of: ${type.ok ? "" : type.message}`);
			return;
		}
		const input = { value: { type: type.value, id: id.value } };
		setLooking(true);
		setLookupError(null);
		try {
			const answer = expectAnswer(
				featureFlagsResponseSchema,
				await request(path(input.value)),
				"the feature flags",
			);
			setLoaded(answer);
			setKnown(answer.featureFlags);
			setStatus(
				`${TARGET_LABEL[answer.target.type]} found: ${answer.featureFlags.length} flag${answer.featureFlags.length === 1 ? "" : "s"} on.`,
			);
		} catch (error) {
			setLoaded(null);
			setLookupError(errorMessage(error));
		} finally {
			setLooking(false);
		}
	};

	const mutate = async (operation: "add" | "remove", flag: string): Promise<boolean> => {
		if (!loaded) return false;
		setBusy(true);
		try {
			const answer = expectAnswer(
				featureFlagsResponseSchema,
				await request(path(loaded.target), { method: "PATCH", body: { operation, flags: [flag] } }),
				"the feature flags",
			);
			setLoaded(answer);
			setKnown((current) => [...new Set([...current, ...answer.featureFlags])].sort());
			setStatus(`${flag} is now ${answer.featureFlags.includes(flag) ? "on" : "off"}.`);
			return true;
		} catch (error) {
			setAddError(`Changing ${flag} failed: ${errorMessage(error)}`);
			return false;
		} finally {
			setBusy(false);
		}
	};

	const addFlag = async (event: FormEvent) => {
		event.preventDefault();
		const input = checkInput(supportNameSchema, newFlag.trim());
		if (!input.ok) {
			setAddError(`Flag name ${input.message}.`);
			return;
		}
		setAddError(null);
		if (await mutate("add", input.value)) setNewFlag("");
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Feature flags</h2>
			<p className="dash-hint">
				Flags turn features of your support widget on for one visitor, a contact (all their devices)
				or a whole organization. Find the id in the contact panel of a conversation.
			</p>
			<form
				className="dash-form dash-form-row"
				onSubmit={lookUp}
				aria-label="Look up feature flags"
				noValidate
			>
				<div className="dash-field">
					<label htmlFor={typeId} className="dash-label">
						Flags of
					</label>
					<select
						id={typeId}
						className="dash-input"
						value={targetType}
						onChange={(event) => setTargetType(event.target.value as FeatureFlagTargetType)}
					>
						<option value="visitor">Visitor</option>
						<option value="contact">Contact</option>
						<option value="contactOrganization">Organization</option>
					</select>
				</div>
				<div className="dash-field dash-field-grow">
					<label htmlFor={idId} className="dash-label">
						Id
					</label>
					<input
						id={idId}
						className="dash-input dash-mono"
						value={targetId}
						autoComplete="off"
						spellCheck={false}
						onChange={(event) => setTargetId(event.target.value)}
						aria-invalid={lookupError ? true : undefined}
						aria-describedby={lookupError ? lookupErrorId : undefined}
					/>
				</div>
				<div className="dash-form-actions">
					<button type="submit" className="dash-button dash-button-primary" disabled={looking}>
						{looking ? "Looking up…" : "Look up"}
					</button>
				</div>
				{lookupError ? (
					<p id={lookupErrorId} role="alert" className="dash-error dash-form-row-full">
						{lookupError}
					</p>
				) : null}
			</form>

			{loaded ? (
				<div className="dash-flags">
					<fieldset className="dash-fieldset" disabled={readOnly || busy}>
						<legend>
							Flags of {TARGET_LABEL[loaded.target.type].toLowerCase()}{" "}
							<span className="dash-mono">{loaded.target.id}</span>
						</legend>
						{known.length === 0 ? <p className="dash-hint">No flag yet.</p> : null}
						{known.map((flag) => (
							<label key={flag} className="dash-field-inline">
								<input
									type="checkbox"
									checked={loaded.featureFlags.includes(flag)}
									onChange={(event) => {
										setAddError(null);
										void mutate(event.target.checked ? "add" : "remove", flag);
									}}
								/>
								<span className="dash-mono">{flag}</span>
							</label>
						))}
					</fieldset>
					{readOnly ? (
						<p className="dash-hint">Only admins change feature flags.</p>
					) : (
						<form
							className="dash-form dash-form-row"
							onSubmit={addFlag}
							aria-label="Add a feature flag"
							noValidate
						>
							<div className="dash-field dash-field-grow">
								<label htmlFor={newFlagId} className="dash-label">
									New flag
								</label>
								<input
									id={newFlagId}
									className="dash-input dash-mono"
									value={newFlag}
									placeholder="beta-dashboard"
									autoComplete="off"
									spellCheck={false}
									onChange={(event) => setNewFlag(event.target.value)}
									aria-invalid={addError ? true : undefined}
									aria-describedby={addError ? addErrorId : undefined}
								/>
							</div>
							<div className="dash-form-actions">
								<button type="submit" className="dash-button" disabled={busy}>
									Add flag
								</button>
							</div>
						</form>
					)}
					{addError ? (
						<p id={addErrorId} role="alert" className="dash-error">
							{addError}
						</p>
					) : null}
				</div>
			) : null}
			<p role="status" className="dash-status">
				{status}
			</p>
		</section>
	);
}
