import { useEffect, useId, useRef } from "react";

export const SHORTCUTS: Array<[string, string]> = [
	["j / ↓", "Next conversation"],
	["k / ↑", "Previous conversation"],
	["Enter", "Open the selected conversation"],
	["Escape", "Back to the inbox"],
	["r", "Resolve / reopen"],
	["a", "Assign to me / unassign"],
	["n", "Write an internal note"],
	["/", "Search"],
	["?", "Show these shortcuts"],
];

/** The keyboard shortcuts, in a modal dialog (focus moves in, Escape closes, focus returns). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
	const ref = useRef<HTMLDialogElement>(null);
	const id = useId();
	useEffect(() => {
		const dialog = ref.current;
		if (!dialog) return;
		if (open && !dialog.open) dialog.showModal();
		if (!open && dialog.open) dialog.close();
	}, [open]);
	return (
		<dialog
			ref={ref}
			className="shortcuts-dialog"
			aria-labelledby={`${id}-title`}
			onClose={onClose}
		>
			<h2 id={`${id}-title`}>Keyboard shortcuts</h2>
			<dl className="shortcut-list">
				{SHORTCUTS.map(([keys, action]) => (
					<div key={keys}>
						<dt>
							<kbd>{keys}</kbd>
						</dt>
						<dd>{action}</dd>
					</div>
				))}
			</dl>
			<form method="dialog">
				<button type="submit" className="primary">
					Close
				</button>
			</form>
		</dialog>
	);
}
