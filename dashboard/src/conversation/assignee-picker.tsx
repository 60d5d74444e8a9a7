import type { Conversation } from "@cossistant/types";
import { UserRound } from "lucide-react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { Avatar } from "../ui/avatar.tsx";
import { Button } from "../ui/button.tsx";
import { Combobox } from "../ui/combobox.tsx";

/** Props of {@link AssigneePicker}. */
export interface AssigneePickerProps {
	conversation: Conversation;
	/** Queues a command; its failure is reported by the header. */
	run: (action: Promise<unknown>) => void;
}

/** Who the conversation is assigned to; the list assigns or unassigns any agent of the website. */
export function AssigneePicker({ conversation, run }: AssigneePickerProps) {
	const { client, agents, user } = useDashboard();
	const agentList = useStore(agents.state, (state) => state.agents);
	const names = conversation.assigneeIds.map((id) => (id === user.id ? "You" : agents.name(id)));
	return (
		<Combobox
			label="Assignees"
			portal={false}
			multiple
			searchable={agentList.length > 6}
			placeholder="Search agents"
			emptyText="No agent matches."
			options={agentList.map((agent) => ({
				value: agent.id,
				label: agent.id === user.id ? `${agent.name} (you)` : agent.name,
				keywords: [agent.email],
				icon: <Avatar name={agent.name} seed={agent.id} size="xs" />,
			}))}
			selected={conversation.assigneeIds}
			onSelect={(userId) =>
				run(
					conversation.assigneeIds.includes(userId)
						? client.unassign(conversation.id, userId)
						: client.assign(conversation.id, userId),
				)
			}
			trigger={
				<Button
					variant="outline"
					size="sm"
					className="h-7 max-w-56 gap-1.5 px-2 text-xs font-normal"
					aria-label={`Assignees: ${names.length === 0 ? "Unassigned" : names.join(", ")}`}
				>
					{conversation.assigneeIds.length === 0 ? (
						<UserRound className="text-muted-foreground" aria-hidden="true" />
					) : (
						<span className="flex -space-x-1">
							{conversation.assigneeIds.slice(0, 3).map((id, index) => (
								<Avatar
									key={id}
									name={names[index] ?? "Agent"}
									seed={id}
									size="xs"
									className="ring-2 ring-background"
								/>
							))}
						</span>
					)}
					<span className="truncate">{names.length === 0 ? "Unassigned" : names.join(", ")}</span>
				</Button>
			}
		/>
	);
}
