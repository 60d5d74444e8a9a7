import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button.tsx";

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
		<div className="fixed inset-0 z-50 flex items-end justify-center bg-black/50 p-0 animate-fade sm:items-center sm:p-4">
			<div
				ref={dialogRef}
				className="flex w-full flex-col gap-4 border border-border bg-popover p-6 text-popover-foreground shadow-lg animate-in max-sm:rounded-t-xl sm:max-w-md sm:rounded-xl"
				role="alertdialog"
				aria-modal="true"
				aria-labelledby={titleId}
				aria-describedby={bodyId}
				onKeyDown={onKeyDown}
			>
				<h3 id={titleId} className="m-0 text-lg font-semibold">
					{props.title}
				</h3>
				<div id={bodyId} className="text-sm text-muted-foreground [&_p]:m-0">
					{props.children}
				</div>
				<div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
					<Button ref={cancelRef} variant="outline" onClick={props.onCancel} disabled={props.busy}>
						Cancel
					</Button>
					<Button variant="destructive" onClick={props.onConfirm} disabled={props.busy}>
						{props.confirmLabel}
					</Button>
				</div>
			</div>
		</div>
	);
}
