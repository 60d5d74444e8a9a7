import { Check, Copy, KeyRound } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "../ui/button.tsx";
import { Input, Label } from "../ui/input.tsx";

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
		<section
			className="flex flex-col gap-3 rounded-lg border border-note-border bg-note p-4 text-note-foreground"
			aria-label={props.label}
		>
			<Label htmlFor={inputId} className="flex items-center gap-2">
				<KeyRound className="size-4" aria-hidden="true" />
				{props.label}
			</Label>
			<div className="flex gap-2">
				<Input
					id={inputId}
					className="font-mono text-[13px] text-foreground"
					readOnly
					value={props.value}
					aria-describedby={warningId}
					onFocus={(event) => event.currentTarget.select()}
				/>
				<Button variant="outline" onClick={copy}>
					{copyState === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
					Copy
				</Button>
			</div>
			<p id={warningId} className="m-0 text-sm">
				<strong>Shown once.</strong> {props.warning}
			</p>
			<p role="status" className="m-0 text-sm empty:hidden">
				{copyState === "copied"
					? "Copied to the clipboard."
					: copyState === "failed"
						? "Copying failed: select the value and copy it yourself."
						: ""}
			</p>
			<div>
				<Button onClick={props.onDismiss}>I have stored it</Button>
			</div>
		</section>
	);
}
