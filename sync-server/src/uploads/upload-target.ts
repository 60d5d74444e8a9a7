import type { UserPrincipal, VisitorPrincipal } from "../auth/principal.ts";

/** Who may upload: a widget's visitor or a logged-in agent. */
export type Uploader = VisitorPrincipal | UserPrincipal;

/** Where an upload belongs: always a website, optionally one conversation. */
export interface UploadTarget {
	websiteId: string;
	conversationId: string | null;
}
