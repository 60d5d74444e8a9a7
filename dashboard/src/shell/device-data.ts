import {
	type AgentSession,
	CONVERSATION_SNAPSHOT_PREFIX,
	INBOX_SNAPSHOT_PREFIX,
} from "@cossistant/core/agent";
import { DRAFT_PREFIX } from "../conversation/drafts.ts";
import { navigate } from "../router.ts";

/**
 * Forgets what this device keeps of the signed-out agent's website: cached documents (inbox,
 * conversations, internal notes), start-up snapshots, drafts, contact cards, agent names and read
 * markers. Queued commands
 * (`cossistant-outbox`) stay: they are the agent's unsent work, keyed by user, and are sent at
 * the next login. Run after the client is destroyed (open databases would block the deletion).
 */
export async function clearDeviceData(): Promise<void> {
	for (const key of Object.keys(localStorage)) {
		if (
			key.startsWith("cossistant:dashboard-contacts:") ||
			key.startsWith("cossistant:dashboard-agents:") ||
			key.startsWith("cossistant:agent-read:") ||
			key.startsWith(INBOX_SNAPSHOT_PREFIX) ||
			key.startsWith(DRAFT_PREFIX) ||
			key.startsWith(CONVERSATION_SNAPSHOT_PREFIX)
		)
			localStorage.removeItem(key);
	}
	if (typeof indexedDB.databases !== "function") return;
	const databases = await indexedDB.databases();
	await Promise.all(
		databases
			.map((database) => database.name)
			.filter((name): name is string => Boolean(name?.startsWith("cossistant/")))
			.map(
				(name) =>
					new Promise<void>((resolve) => {
						const request = indexedDB.deleteDatabase(name);
						request.onsuccess = () => resolve();
						request.onerror = () => resolve();
						request.onblocked = () => resolve();
					}),
			),
	);
}

/**
 * Signs the agent out: the login page at once, then (once the workspace has unmounted and its
 * client closed its databases) the device forgets the website's cached conversations and notes.
 */
export function signOut(session: AgentSession): void {
	navigate({ page: "login" }, { replace: true });
	void session.logout().then(() => setTimeout(() => void clearDeviceData(), 100));
}
