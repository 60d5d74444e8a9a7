import { cn } from "../ui/cn.ts";

/** Props of {@link FieldError}. */
export interface FieldErrorProps {
	/** Referenced by the field's `aria-describedby`. */
	id?: string;
	/** Nothing renders without one. */
	message: string | null | undefined;
	className?: string;
}

/** A form's or a row's error, announced as an alert where it happened. */
export function FieldError({ id, message, className }: FieldErrorProps) {
	if (!message) return null;
	return (
		<p id={id} role="alert" className={cn("m-0 text-sm text-danger", className)}>
			{message}
		</p>
	);
}
