import { type FormEvent, useCallback, useRef, useState } from "react";
import { errorMessage } from "../api/error-message.ts";

/** What {@link useFormAction} returns. */
export interface FormAction<Args extends unknown[]> {
	/** True while the action runs: its button shows it and is disabled. */
	pending: boolean;
	/** A sentence for the last failure (from the API's error code), or null. */
	error: string | null;
	/**
	 * Runs the action. Resolves `true` when it succeeded; a failure lands in `error` and resolves
	 * `false`. A run asked for while one is pending is ignored (double submits send nothing).
	 */
	run: (...args: Args) => Promise<boolean>;
	/** Shows a problem found before anything was sent (input refused by the schema). */
	fail: (message: string) => void;
	/** Clears the error (the form was edited, a dialog closed). */
	reset: () => void;
}

/** Options of {@link useFormAction}. */
export interface FormActionOptions {
	/** Put before the error's sentence, e.g. "Revoking failed: ". */
	errorPrefix?: string;
	/** Where the success sentence goes (the section's status line, see `useAnnouncer`). */
	announce?: (message: string) => void;
}

/**
 * The chrome every form and row action of the settings and contact panels shares: a pending
 * flag, the failure as a readable sentence, and the success message. `action` resolves with what
 * to announce on success (a string, for the `announce` option) or nothing.
 * An action that throws before its first `await` (input refused by a schema) shows its error in
 * the same render as the click.
 */
export function useFormAction<Args extends unknown[]>(
	// biome-ignore lint/suspicious/noConfusingVoidType: actions that announce nothing return void
	action: (...args: Args) => Promise<string | undefined | void> | string | undefined | void,
	options: FormActionOptions = {},
): FormAction<Args> {
	const announce = options.announce;
	const [pending, setPending] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const running = useRef(false);
	const latest = useRef(action);
	latest.current = action;
	const prefix = options.errorPrefix ?? "";

	const run = useCallback(
		async (...args: Args) => {
			if (running.current) return false;
			running.current = true;
			setPending(true);
			setError(null);
			try {
				const message = await latest.current(...args);
				if (typeof message === "string") announce?.(message);
				return true;
			} catch (caught) {
				setError(`${prefix}${errorMessage(caught)}`);
				return false;
			} finally {
				running.current = false;
				setPending(false);
			}
		},
		[announce, prefix],
	);
	const fail = useCallback((message: string) => setError(message), []);
	const reset = useCallback(() => setError(null), []);
	return { pending, error, run, fail, reset };
}

/** A form's `onSubmit` that runs an action instead of navigating: `onSubmit={submits(add.run)}`. */
export function submits(run: () => unknown): (event: FormEvent) => void {
	return (event) => {
		event.preventDefault();
		void run();
	};
}
