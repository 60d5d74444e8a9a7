import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";

/**
 * Online / offline / syncing, with how many changes wait in the outbox. A live region, so
 * screen readers hear when the connection drops or the queue drains.
 */
export function ConnectionIndicator() {
	const { client } = useDashboard();
	const status = useStore(client.connection.state, (state) => state.status);
	const queued = useStore(client.outbox.state, (state) => {
		let count = 0;
		for (const entry of state.entries.values()) if (entry.state === "queued") count += 1;
		return count;
	});
	const failed = useStore(client.outbox.state, (state) => {
		let count = 0;
		for (const entry of state.entries.values()) if (entry.state === "failed") count += 1;
		return count;
	});
	const mode = status === "connected" ? (queued > 0 ? "syncing" : "online") : "offline";
	const label =
		mode === "offline"
			? queued > 0
				? `Offline · ${queued} change${queued === 1 ? "" : "s"} queued`
				: "Offline · changes will be queued"
			: mode === "syncing"
				? `Syncing ${queued} change${queued === 1 ? "" : "s"}…`
				: "Online";
	return (
		<p className="connection" data-testid="connection" data-mode={mode} role="status">
			<span className="connection-dot" aria-hidden="true" />
			{label}
			{failed > 0 && <span className="connection-failed"> · {failed} failed</span>}
		</p>
	);
}
