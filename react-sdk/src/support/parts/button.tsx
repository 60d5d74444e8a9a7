import type { ButtonHTMLAttributes, Ref } from "react";
import { cx } from "../../utils/class-names.ts";

/** Props of `<Button>`. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
	/** @default "primary" */
	variant?: "primary" | "secondary" | "ghost";
	ref?: Ref<HTMLButtonElement>;
};

/**
 * The widget's button, styled by the theme (`co-button`).
 *
 * @example
 * <Button variant="secondary" onClick={goBack}>Back</Button>
 */
export function Button({ variant = "primary", className, type = "button", ...props }: ButtonProps) {
	return (
		<button type={type} className={cx("co-button", `co-button-${variant}`, className)} {...props} />
	);
}
