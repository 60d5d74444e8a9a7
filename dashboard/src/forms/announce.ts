import { useCallback, useState } from "react";

/** What {@link useAnnouncer} returns. */
export interface Announcer {
	/** The last sentence, for a polite status region (`role="status"`). */
	status: string;
	/** Replaces the sentence; pass it to `useFormAction`'s `announce` option. */
	announce: (message: string) => void;
}

/** One status line shared by the forms of a section: the last success is read out. */
export function useAnnouncer(): Announcer {
	const [status, setStatus] = useState("");
	const announce = useCallback((message: string) => setStatus(message), []);
	return { status, announce };
}
