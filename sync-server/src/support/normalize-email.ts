/** Emails are compared trimmed and lower-cased. */
export function normalizeEmail(email: string | undefined): string | undefined {
	return email?.trim().toLowerCase();
}
