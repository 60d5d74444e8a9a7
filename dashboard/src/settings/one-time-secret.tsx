import { useId, useState } from "react";

/** Props of {@link OneTimeSecret}. */
export interface OneTimeSecretProps {
	/** What the secret is, e.g. "Private key sk_live_…" (the region's label). */
	label: string;
	/** The secret itself; the server never shows it again. */
	value: string;
	/** Why it matters, shown under the value. */
	warning: string;
	/** Hides the secret for good ("I have stored it"). */
	onDismiss: () => void;
}

/**
 * A secret shown this once (a private API key, the identity secret): read-only, selectable,
 * with a copy button and a warning that it cannot be shown again. Dismissing it forgets it:
 * nothing keeps it in the page afterwards.
 */
export function OneTimeSecret(props: OneTimeSecretProps) {
	const inputId = useId();
	const warningId = useId();
	const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

	const copy = async () => {
		try {
			await navigator.clipboard.writeText(props.value);
			setCopyState("copied");
		} catch {
			// No clipboard permission (or no secure context): the field stays selectable.
			setCopyState("failed");
		}
	};

	return (
		<section className="dash-secret" aria-label={props.label}>
			<label htmlFor={inputId} className="dash-label">
				{props.label}
			</label>
			<div className="dash-secret-row">
				<input
					id={inputId}
					className="dash-input dash-secret-value"
					readOnly
					value={props.value}
					aria-describedby={warningId}
					onFocus={(event) => event.currentTarget.select()}
				/>
				<button type="button" className="dash-button" onClick={copy}>
					Copy
				</button>
			</div>
			<p id={warningId} className="dash-secret-warning">
				<strong>Shown once.</strong> {props.warning}
			</p>
			<p role="status" className="dash-status">
				{copyState === "copied"
					? "Copied to the clipboard."
					: copyState === "failed"
						? "Copying failed: select the value and copy it yourself."
						: ""}
			</p>
			<button type="button" className="dash-button dash-button-primary" onClick={props.onDismiss}>
				I have stored it
			</button>
		</section>
	);
}
