import { Ban, LogIn, LogOut, UserMinus, UserPlus } from "lucide-react";
import type { ReactElement } from "react";
import {
	DropdownMenu,
	DropdownMenuContent,
	DropdownMenuItem,
	DropdownMenuSeparator,
	DropdownMenuTrigger,
} from "../ui/dropdown-menu.tsx";

/** Props of {@link MoreActionsMenu}. */
export interface MoreActionsMenuProps {
	/** The "More actions" button. */
	trigger: ReactElement;
	assignedToMe: boolean;
	participating: boolean;
	visitorBlocked: boolean;
	onToggleAssign: () => void;
	onToggleJoin: () => void;
	onToggleBlock: () => void;
}

/**
 * The conversation's rarer actions: join / leave, and blocking the visitor (set apart, in red).
 * On phones, where the header has no room for it, assigning to me too.
 */
export function MoreActionsMenu(props: MoreActionsMenuProps) {
	return (
		// Not modal: the rest of the page stays readable (and focusable) while the menu is open.
		<DropdownMenu modal={false}>
			<DropdownMenuTrigger asChild>{props.trigger}</DropdownMenuTrigger>
			<DropdownMenuContent portal={false}>
				<DropdownMenuItem className="md:hidden" onSelect={props.onToggleAssign}>
					{props.assignedToMe ? <UserMinus /> : <UserPlus />}
					{props.assignedToMe ? "Unassign me" : "Assign to me"}
				</DropdownMenuItem>
				<DropdownMenuItem onSelect={props.onToggleJoin}>
					{props.participating ? <LogOut /> : <LogIn />}
					{props.participating ? "Leave the conversation" : "Join the conversation"}
				</DropdownMenuItem>
				<DropdownMenuSeparator />
				<DropdownMenuItem
					variant={props.visitorBlocked ? "default" : "destructive"}
					onSelect={props.onToggleBlock}
				>
					<Ban />
					{props.visitorBlocked ? "Unblock visitor" : "Block visitor"}
				</DropdownMenuItem>
			</DropdownMenuContent>
		</DropdownMenu>
	);
}
