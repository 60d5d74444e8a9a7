/** localStorage prefix of unsent composer text (cleared with the device's data on logout). */
export const DRAFT_PREFIX = "cossistant:dashboard-draft:";

/**
 * Unsent text per conversation and mode (reply / note), kept on the device: switching
 * conversations, a reload or a new version of the app taking over keeps what was being written.
 */
export const drafts = {
	read(conversationId: string, mode: string): string {
		try {
			return localStorage.getItem(`${DRAFT_PREFIX}${conversationId}:${mode}`) ?? "";
		} catch {
			return "";
		}
	},
	write(conversationId: string, mode: string, text: string): void {
		const key = `${DRAFT_PREFIX}${conversationId}:${mode}`;
		try {
			if (text) localStorage.setItem(key, text);
			else localStorage.removeItem(key);
		} catch {
			// Storage full or blocked: the draft lives as long as the page.
		}
	},
};
