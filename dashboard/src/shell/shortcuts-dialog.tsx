import { Button } from "../ui/button.tsx";
import {
	Dialog,
	DialogClose,
	DialogContent,
	DialogDescription,
	DialogFooter,
	DialogHeader,
	DialogTitle,
} from "../ui/dialog.tsx";
import { Kbd } from "../ui/kbd.tsx";

export const SHORTCUTS: Array<[string[], string]> = [
	[["⌘", "K"], "Search or run a command"],
	[["j", "↓"], "Next conversation"],
	[["k", "↑"], "Previous conversation"],
	[["Enter"], "Open the selected conversation"],
	[["Esc"], "Back to the inbox"],
	[["r"], "Resolve / reopen"],
	[["a"], "Assign to me / unassign"],
	[["n"], "Write an internal note"],
	[["/"], "Search the inbox"],
	[["?"], "Show these shortcuts"],
];

/** The keyboard shortcuts, in a modal dialog (focus moves in, Escape closes, focus returns). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
	return (
		<Dialog open onOpenChange={(next) => (next ? undefined : onClose())}>
			<DialogContent className="sm:max-w-md">
				<DialogHeader>
					<DialogTitle>Keyboard shortcuts</DialogTitle>
					<DialogDescription>
						Letters work anywhere outside a text field; Escape leaves a field first.
					</DialogDescription>
				</DialogHeader>
				<dl className="m-0 grid gap-1">
					{SHORTCUTS.map(([keys, action]) => (
						<div
							key={action}
							className="flex items-center justify-between gap-4 rounded-md px-1 py-1.5 odd:bg-muted/50"
						>
							<dt className="order-last flex gap-1">
								{keys.map((key) => (
									<Kbd key={key}>{key}</Kbd>
								))}
							</dt>
							<dd className="m-0">{action}</dd>
						</div>
					))}
				</dl>
				<DialogFooter>
					<DialogClose asChild>
						<Button>Close</Button>
					</DialogClose>
				</DialogFooter>
			</DialogContent>
		</Dialog>
	);
}
