import { Inbox, SearchX } from "lucide-react";
import { Button } from "../ui/button.tsx";
import { Skeleton } from "../ui/skeleton.tsx";
import { DEFAULT_FILTER, type InboxFilter } from "./inbox-filter.ts";

/** The inbox while its document loads: the shape of rows, and words for screen readers. */
export function InboxSkeleton() {
	return (
		<div className="flex flex-col">
			<p className="sr-only">Loading conversations…</p>
			{Array.from({ length: 7 }, (_, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
				<div key={index} className="flex gap-3 border-b border-border px-3 py-3">
					<Skeleton className="size-9 rounded-full" />
					<div className="flex flex-1 flex-col gap-2">
						<Skeleton className="h-3.5 w-2/5" />
						<Skeleton className="h-3 w-4/5" />
					</div>
				</div>
			))}
		</div>
	);
}

/** No row to show: says why (search, filters or an empty view) and how to get some back. */
export function InboxEmpty({ filter, onReset }: { filter: InboxFilter; onReset: () => void }) {
	const narrowed =
		filter.search.trim() !== "" ||
		filter.priority !== DEFAULT_FILTER.priority ||
		filter.tag !== DEFAULT_FILTER.tag ||
		filter.assignee !== DEFAULT_FILTER.assignee;
	const Icon = narrowed ? SearchX : Inbox;
	return (
		<div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
			<span className="flex size-10 items-center justify-center rounded-full bg-muted">
				<Icon className="size-5 text-muted-foreground" aria-hidden="true" />
			</span>
			<p className="m-0 font-medium">
				{narrowed ? "No conversation matches" : "No conversations here"}
			</p>
			<p className="m-0 max-w-60 text-[13px] text-muted-foreground">
				{narrowed
					? "Try other words, or clear the search and filters."
					: filter.view === "resolved"
						? "Resolved conversations show up here."
						: "All caught up. New conversations show up here as visitors write."}
			</p>
			{narrowed ? (
				<Button variant="outline" size="sm" className="mt-1" onClick={onReset}>
					Clear search and filters
				</Button>
			) : null}
		</div>
	);
}
