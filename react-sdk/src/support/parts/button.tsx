import type { ButtonHTMLAttributes, Ref } from "react";
import { cx } from "../../utils/class-names.ts";

/** Props of `<Button>`. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
	/** @default "primary" */
	variant?: "primary" | "secondary" | "ghost";
	/** Padding and type size (`co-button-small` / `co-button-large`). @default "default" */
	size?: "small" | "default" | "large";
	ref?: Ref<HTMLButtonElement>;
};

/**
 * The widget's button, styled by the theme (`co-button`).
 *
 * @example
 * <Button variant="secondary" size="large" onClick={goBack}>Back</Button>
 */
export function Button({
	variant = "primary",
	size = "default",
	className,
	type = "button",
	...props
}: ButtonProps) {
	return (
		<button
			type={type}
			className={cx(
				"co-button",
				`co-button-${variant}`,
				size !== "default" && `co-button-${size}`,
				className,
			)}
			{...props}
		/>
	);
}
