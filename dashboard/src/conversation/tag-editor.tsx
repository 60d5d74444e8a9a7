import type { Conversation } from "@cossistant/types";
import { Plus, Tag, X } from "lucide-react";
import { useMemo } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { allTags } from "../inbox/inbox-filter.ts";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { Combobox } from "../ui/combobox.tsx";

/** Props of {@link TagEditor}. */
export interface TagEditorProps {
	conversation: Conversation;
	/** Queues a command; its failure is reported by the header. */
	run: (action: Promise<unknown>) => void;
}

/** The server's limit on a tag's length. */
const TAG_MAX = 64;

/**
 * The conversation's tags, each removable, and a searchable list of the tags used in the inbox
 * that adds a new one as typed ("Add tag “billing”").
 */
export function TagEditor({ conversation, run }: TagEditorProps) {
	const { client } = useDashboard();
	const conversations = useStore(client.inbox.state, (state) => state.conversations);
	const known = useMemo(() => allTags(conversations), [conversations]);
	const options = [...new Set([...known, ...conversation.tags])].sort((a, b) => a.localeCompare(b));
	const toggle = (tag: string) =>
		run(
			conversation.tags.includes(tag)
				? client.removeTag(conversation.id, tag)
				: client.addTag(conversation.id, tag),
		);
	return (
		<>
			<ul className="m-0 flex list-none flex-wrap items-center gap-1 p-0" aria-label="Tags">
				{conversation.tags.map((tag) => (
					<li key={tag}>
						<Badge variant="outline" className="h-7 gap-0.5 pr-0.5 pl-2 text-foreground">
							#{tag}
							<button
								type="button"
								className="relative ml-0.5 inline-flex size-5 items-center justify-center rounded text-muted-foreground hover:bg-accent max-md:-my-2.5 max-md:-mr-1.5 max-md:size-11 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
								aria-label={`Remove tag ${tag}`}
								onClick={() => run(client.removeTag(conversation.id, tag))}
							>
								<X className="size-3" aria-hidden="true" />
							</button>
						</Badge>
					</li>
				))}
			</ul>
			<Combobox
				label="Tags"
				portal={false}
				multiple
				searchable
				placeholder="Add a tag"
				emptyText=""
				options={options.map((tag) => ({
					value: tag,
					label: `#${tag}`,
					icon: <Tag className="text-muted-foreground" aria-hidden="true" />,
				}))}
				selected={conversation.tags}
				onSelect={toggle}
				createLabel={(search) => {
					const value = search.trim().slice(0, TAG_MAX);
					return value && !options.includes(value) ? `Add tag “${value}”` : null;
				}}
				onCreate={(search) => run(client.addTag(conversation.id, search.trim().slice(0, TAG_MAX)))}
				trigger={
					<Button
						variant="ghost"
						size="sm"
						className="h-7 gap-1 px-2 text-xs text-muted-foreground"
					>
						<Plus aria-hidden="true" />
						Tags
					</Button>
				}
			/>
		</>
	);
}
