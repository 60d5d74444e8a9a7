import { Check, Plus } from "lucide-react";
import { useState } from "react";
import { cn } from "./cn.ts";
import type { ComboboxProps } from "./combobox.tsx";
import {
	Command,
	CommandEmpty,
	CommandGroup,
	CommandInput,
	CommandItem,
	CommandList,
} from "./command.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "./popover.tsx";

/** The combobox itself (see `Combobox` in `combobox.tsx`, which loads this chunk). */
export function ComboboxList(props: ComboboxProps) {
	const [open, setOpen] = useState(false);
	const [search, setSearch] = useState("");
	const searchLabel = props.searchable
		? (props.placeholder ?? `Search ${props.label.toLowerCase()}`)
		: props.label;
	const close = () => {
		setOpen(false);
		setSearch("");
	};
	return (
		<Popover
			open={open}
			onOpenChange={(next) => {
				setOpen(next);
				if (!next) setSearch("");
			}}
		>
			<PopoverTrigger asChild>{props.trigger}</PopoverTrigger>
			<PopoverContent
				className="w-60 p-0"
				align={props.align ?? "start"}
				portal={props.portal ?? true}
				aria-label={props.label}
			>
				{/* cmdk names its search box with the Command's label (aria-labelledby). */}
				<Command label={searchLabel} loop>
					{props.searchable ? (
						<CommandInput
							placeholder={props.placeholder ?? `Search ${props.label.toLowerCase()}…`}
							value={search}
							onValueChange={setSearch}
						/>
					) : null}
					<CommandList aria-label={props.label}>
						{props.emptyText === "" ? null : (
							<CommandEmpty>{props.emptyText ?? "Nothing found."}</CommandEmpty>
						)}
						<CommandGroup>
							{props.options.map((option) => {
								const checked = props.selected.includes(option.value);
								return (
									<CommandItem
										key={option.value}
										value={option.value}
										keywords={[option.label, ...(option.keywords ?? [])]}
										// aria-selected is cmdk's highlight; the choice itself is "checked".
										aria-checked={checked}
										onSelect={() => {
											props.onSelect(option.value);
											if (!props.multiple) close();
										}}
									>
										{option.icon}
										<span className="flex-1 truncate">{option.label}</span>
										<Check
											className={cn("text-primary", checked ? "opacity-100" : "opacity-0")}
											aria-hidden="true"
										/>
									</CommandItem>
								);
							})}
						</CommandGroup>
						<CreateItem {...props} search={search} close={close} />
					</CommandList>
				</Command>
			</PopoverContent>
		</Popover>
	);
}

/** "Add tag “billing”": creates what was typed when no option is exactly it. */
function CreateItem({
	createLabel,
	onCreate,
	search,
	close,
}: ComboboxProps & { search: string; close: () => void }) {
	const label = createLabel?.(search);
	if (!label || !onCreate) return null;
	return (
		<CommandGroup forceMount>
			<CommandItem
				forceMount
				value={`create:${search}`}
				onSelect={() => {
					onCreate(search);
					close();
				}}
			>
				<Plus aria-hidden="true" />
				{label}
			</CommandItem>
		</CommandGroup>
	);
}
