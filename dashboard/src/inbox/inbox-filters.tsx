import { Flag, Hash, UserRound } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Combobox, type ComboboxOption } from "../ui/combobox.tsx";
import type { AssigneeFilter, InboxFilter } from "./inbox-filter.ts";
import { PRIORITIES, PRIORITY_LABEL } from "./priority.ts";

const PRIORITY_OPTIONS: ComboboxOption[] = [
	{ value: "any", label: "Any priority" },
	...PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABEL[priority] })),
];
const ASSIGNEE_OPTIONS: ComboboxOption[] = [
	{ value: "anyone", label: "Anyone" },
	{ value: "mine", label: "Mine" },
	{ value: "unassigned", label: "Unassigned" },
];

/** Props of {@link InboxFilters}. */
export interface InboxFiltersProps {
	filter: InboxFilter;
	/** Every tag used in the inbox. */
	tags: string[];
	onChange: (patch: Partial<InboxFilter>) => void;
}

/** Priority, tag and assignee filters: one compact button each, opening a searchable list. */
export function InboxFilters({ filter, tags, onChange }: InboxFiltersProps) {
	const tagOptions: ComboboxOption[] = [
		{ value: "any", label: "Any tag" },
		...tags.map((tag) => ({ value: tag, label: `#${tag}` })),
	];
	const assignee =
		ASSIGNEE_OPTIONS.find((option) => option.value === filter.assignee)?.label ?? "Anyone";
	return (
		<div className="flex gap-1.5">
			<Combobox
				label="Priority filter"
				options={PRIORITY_OPTIONS}
				selected={[filter.priority]}
				onSelect={(value) => onChange({ priority: value as InboxFilter["priority"] })}
				trigger={
					<FilterButton
						icon={<Flag aria-hidden="true" />}
						active={filter.priority !== "any"}
						name="Priority filter"
						value={PRIORITY_OPTIONS.find((o) => o.value === filter.priority)?.label ?? ""}
					>
						{filter.priority === "any" ? "Priority" : PRIORITY_LABEL[filter.priority]}
					</FilterButton>
				}
			/>
			<Combobox
				label="Tag filter"
				options={tagOptions}
				selected={[filter.tag]}
				onSelect={(value) => onChange({ tag: value })}
				searchable={tags.length > 5}
				placeholder="Search tags"
				emptyText="No tag matches."
				trigger={
					<FilterButton
						icon={<Hash aria-hidden="true" />}
						active={filter.tag !== "any"}
						name="Tag filter"
						value={filter.tag === "any" ? "Any tag" : filter.tag}
					>
						{filter.tag === "any" ? "Tag" : filter.tag}
					</FilterButton>
				}
			/>
			<Combobox
				label="Assignee filter"
				options={ASSIGNEE_OPTIONS}
				selected={[filter.assignee]}
				onSelect={(value) => onChange({ assignee: value as AssigneeFilter })}
				trigger={
					<FilterButton
						icon={<UserRound aria-hidden="true" />}
						active={filter.assignee !== "anyone"}
						name="Assignee filter"
						value={assignee}
					>
						{assignee}
					</FilterButton>
				}
			/>
		</div>
	);
}

/** A filter's trigger: its icon and current value, highlighted while it narrows the list. */
function FilterButton({
	icon,
	active,
	name,
	value,
	children,
	...props
}: {
	icon: ReactNode;
	active: boolean;
	/** What the filter is ("Priority filter"). */
	name: string;
	/** Its current value, spoken after the name. */
	value: string;
	children: ReactNode;
}) {
	return (
		<Button
			variant="outline"
			size="sm"
			className={cn(
				"min-w-0 flex-1 justify-start gap-1 px-2 font-normal",
				active && "border-primary/50 bg-primary/8 text-foreground",
			)}
			aria-label={`${name}: ${value}`}
			{...props}
		>
			{icon}
			<span className="min-w-0 flex-1 truncate text-left">{children}</span>
		</Button>
	);
}
