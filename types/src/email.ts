import * as v from "valibot";

/**
 * The email addresses the API accepts: zod's email pattern, kept when the schemas moved to
 * valibot so every address accepted before is accepted still (valibot's `v.email()` draws the
 * line elsewhere). Deliberately simple: a name of letters, digits and `_'+-` in dot-separated
 * runs, `@`, dot-separated domain labels and a top-level domain of 2+ letters.
 */
export const EMAIL_PATTERN =
	/^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address as the API accepts it: {@link EMAIL_PATTERN}, at most 320 characters. */
export const emailAddressSchema = v.pipe(
	v.string(),
	v.regex(EMAIL_PATTERN, "Invalid email address"),
	v.maxLength(320),
);
