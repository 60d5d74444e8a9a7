import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
	/** The question, e.g. "Revoke the key “Production”?" (the dialog's accessible name). */
	title: string;
	/** What happens if confirmed (the dialog's accessible description). */
	children: ReactNode;
	/** Label of the confirming button, e.g. "Revoke key". */
	confirmLabel: string;
	/** True while the confirmed action runs: both buttons are disabled. */
	busy?: boolean;
	onConfirm: () => void;
	onCancel: () => void;
}

/**
 * A modal confirmation for destructive actions, with `alertdialog` semantics: labelled and
 * described, focus moves to "Cancel" (the safe choice) when it opens, Tab stays inside,
 * Escape cancels and focus returns to what had it before.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
	const titleId = useId();
	const bodyId = useId();
	const cancelRef = useRef<HTMLButtonElement>(null);
	const dialogRef = useRef<HTMLDivElement>(null);

	useEffect(() => {
		const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		cancelRef.current?.focus();
		return () => {
			if (previous?.isConnected) previous.focus();
		};
	}, []);

	const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
		if (event.key === "Escape") {
			event.preventDefault();
			if (!props.busy) props.onCancel();
			return;
		}
		if (event.key !== "Tab") return;
		const buttons =
			dialogRef.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])");
		if (!buttons || buttons.length === 0) return;
		const first = buttons[0];
		const last = buttons[buttons.length - 1];
		if (event.shiftKey && document.activeElement === first) {
			event.preventDefault();
			last?.focus();
		} else if (!event.shiftKey && document.activeElement === last) {
			event.preventDefault();
			first?.focus();
		}
	};

	return (
		<div className="dash-dialog-backdrop">
			<div
				ref={dialogRef}
				className="dash-dialog"
				role="alertdialog"
				aria-modal="true"
				aria-labelledby={titleId}
				aria-describedby={bodyId}
				onKeyDown={onKeyDown}
			>
				<h3 id={titleId} className="dash-dialog-title">
					{props.title}
				</h3>
				<div id={bodyId} className="dash-dialog-body">
					{props.children}
				</div>
				<div className="dash-dialog-actions">
					<button
						ref={cancelRef}
						type="button"
						className="dash-button"
						onClick={props.onCancel}
						disabled={props.busy}
					>
						Cancel
					</button>
					<button
						type="button"
						className="dash-button dash-button-danger"
						onClick={props.onConfirm}
						disabled={props.busy}
					>
						{props.confirmLabel}
					</button>
				</div>
			</div>
		</div>
	);
}
