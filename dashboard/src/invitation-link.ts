import { BASE_PATH } from "./config.ts";

/** What an invitation link carries: the one-time code and, for display, the website's name. */
export interface InvitationLink {
	token: string;
	/** The inviting website's name as the admin's dashboard knew it; display only. */
	websiteName: string | null;
}

/**
 * The link an admin sends to the person invited: the dashboard's "Accept invitation" page, with
 * the code in the fragment (`/dashboard/invite#token=inv_…&website=…`). A fragment never leaves
 * the browser, so the code stays out of server and proxy logs and out of `Referer` headers.
 */
export function invitationLink(token: string, websiteName?: string, origin = location.origin) {
	const fragment = new URLSearchParams({ token });
	if (websiteName) fragment.set("website", websiteName);
	return `${origin}${BASE_PATH}invite#${fragment.toString()}`;
}

/** Reads an invitation link's fragment (`location.hash`); `null` without a code. */
export function readInvitationLink(hash: string): InvitationLink | null {
	const fragment = new URLSearchParams(hash.replace(/^#/, ""));
	const token = fragment.get("token")?.trim();
	if (!token) return null;
	const websiteName = fragment.get("website")?.trim() || null;
	return { token, websiteName };
}
