import { MessagesSquare } from "lucide-react";
import type { ReactNode } from "react";

/**
 * The card of the signed-out pages (login, setup, accepting an invitation): labels above
 * fields, one primary button, secondary choices as links. Styles its plain form controls.
 */
export const AUTH_CARD = [
	"flex w-full max-w-sm flex-col gap-3 rounded-xl border border-border bg-card p-6 shadow-sm sm:p-8",
	"[&_h1]:m-0 [&_h1]:text-xl [&_h1]:font-semibold [&_h1]:tracking-tight",
	"[&_label]:-mb-1 [&_label]:text-sm [&_label]:font-medium",
	"[&_input]:h-10 [&_input]:w-full [&_input]:rounded-md [&_input]:border [&_input]:border-input [&_input]:bg-background [&_input]:px-3 [&_input]:text-sm [&_input]:shadow-xs [&_input]:outline-none max-md:[&_input]:h-11 max-md:[&_input]:text-base",
	"[&_input:focus-visible]:border-ring [&_input:focus-visible]:ring-2 [&_input:focus-visible]:ring-ring/40",
	"[&_.muted]:m-0 [&_.muted]:text-sm [&_.muted]:text-muted-foreground",
	"[&_.form-error]:m-0 [&_.form-error]:rounded-md [&_.form-error]:bg-danger/10 [&_.form-error]:px-3 [&_.form-error]:py-2 [&_.form-error]:text-sm [&_.form-error]:text-danger",
	"[&_button.primary]:mt-2 [&_button.primary]:h-10 [&_button.primary]:rounded-md [&_button.primary]:bg-primary [&_button.primary]:text-sm [&_button.primary]:font-medium [&_button.primary]:text-primary-foreground [&_button.primary:hover]:bg-primary/90 [&_button.primary:disabled]:opacity-50 max-md:[&_button.primary]:h-11",
	"[&_.auth-alt]:m-0 [&_.auth-alt]:flex [&_.auth-alt]:flex-wrap [&_.auth-alt]:items-center [&_.auth-alt]:justify-center [&_.auth-alt]:gap-1 [&_.auth-alt]:text-sm [&_.auth-alt]:text-muted-foreground",
	"[&_.link-button]:font-medium [&_.link-button]:text-link [&_.link-button]:underline [&_.link-button]:underline-offset-2 max-md:[&_.link-button]:min-h-11",
].join(" ");

/** A signed-out page: the brand above one centred card. */
export function AuthPage({ children }: { children: ReactNode }) {
	return (
		<main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-sidebar p-4">
			<p className="m-0 flex items-center gap-2 text-lg font-semibold">
				<span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
					<MessagesSquare className="size-4" aria-hidden="true" />
				</span>
				Cossistant
			</p>
			{children}
		</main>
	);
}
