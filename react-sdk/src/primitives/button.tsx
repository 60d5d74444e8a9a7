import type { ButtonHTMLAttributes, Ref } from "react";

/** Props of `<Primitives.Button>`. */
export type ButtonPrimitiveProps = ButtonHTMLAttributes<HTMLButtonElement> & {
	ref?: Ref<HTMLButtonElement>;
};

/**
 * An unstyled button that is never a form submit by accident (`type="button"` by default).
 *
 * @example
 * <Primitives.Button onClick={close}>Close</Primitives.Button>
 */
export function Button({ type = "button", ...props }: ButtonPrimitiveProps) {
	return <button type={type} {...props} />;
}
