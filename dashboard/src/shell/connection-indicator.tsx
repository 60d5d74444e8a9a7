import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { cn } from "../ui/cn.ts";

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
		<p
			className={cn(
				"flex min-w-0 items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium",
				mode === "online" && "border-transparent text-muted-foreground",
				mode === "syncing" && "border-info/30 bg-info/10 text-info",
				mode === "offline" && "border-warning/40 bg-warning/10 text-warning",
			)}
			data-testid="connection"
			data-mode={mode}
			role="status"
		>
			<span
				className={cn(
					"size-2 shrink-0 rounded-full",
					mode === "online" && "bg-success",
					mode === "syncing" && "animate-pulse bg-info",
					mode === "offline" && "bg-warning",
				)}
				aria-hidden="true"
			/>
			<span className="truncate">{label}</span>
			{failed > 0 && <span className="shrink-0 text-danger"> · {failed} failed</span>}
		</p>
	);
}
