import { Keyboard, LogOut, MessagesSquare, Moon, Search, Settings, Sun } from "lucide-react";
import { useDashboard } from "../dashboard-context.tsx";
import { navigate } from "../router.ts";
import { useTheme } from "../theme.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Button } from "../ui/button.tsx";
import { IconButton } from "../ui/icon-button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { signOut } from "./device-data.ts";
import { WebsiteSwitcher } from "./website-switcher.tsx";

/** Props of {@link TopBar}. */
export interface TopBarProps {
	onShortcuts: () => void;
	onCommand: () => void;
}

/**
 * One row on every screen: brand, website, connection state, the command palette, settings
 * (admins), shortcuts (not on phones: no keyboard), theme, who is signed in and logout.
 */
export function TopBar({ onShortcuts, onCommand }: TopBarProps) {
	const { user, session, isAdmin } = useDashboard();
	const [theme, toggleTheme] = useTheme();
	return (
		<header className="flex h-14 shrink-0 items-center gap-2 border-b border-border bg-background px-2 md:gap-3 md:px-4">
			<h1 className="m-0 shrink-0 text-base font-semibold">
				<a
					className="flex items-center gap-2 rounded-md px-1 text-foreground no-underline max-md:min-h-11 max-md:min-w-11 max-md:justify-center"
					href="/dashboard/"
					onClick={(event) => {
						event.preventDefault();
						navigate({ page: "inbox" });
					}}
				>
					<span className="flex size-7 items-center justify-center rounded-lg bg-primary text-primary-foreground">
						<MessagesSquare className="size-4" aria-hidden="true" />
					</span>
					<span className="max-sm:sr-only">Cossistant</span>
				</a>
			</h1>
			<WebsiteSwitcher />
			<ConnectionIndicator />
			<div className="flex-1" />
			<nav className="flex shrink-0 items-center gap-0.5 md:gap-1" aria-label="Account">
				<Button
					variant="outline"
					className="hidden w-56 justify-start gap-2 text-muted-foreground lg:inline-flex"
					onClick={onCommand}
					aria-keyshortcuts="Control+K Meta+K"
				>
					<Search aria-hidden="true" />
					<span className="flex-1 text-left font-normal">Search or jump to…</span>
					<Kbd>⌘K</Kbd>
				</Button>
				<IconButton
					className="lg:hidden"
					label="Search or jump to…"
					shortcut="⌘K"
					icon={<Search aria-hidden="true" />}
					onClick={onCommand}
				/>
				<IconButton
					className="max-md:hidden"
					label="Keyboard shortcuts"
					shortcut="?"
					icon={<Keyboard aria-hidden="true" />}
					onClick={onShortcuts}
				/>
				<IconButton
					label={theme === "dark" ? "Use light theme" : "Use dark theme"}
					icon={theme === "dark" ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />}
					onClick={toggleTheme}
				/>
				{isAdmin && (
					<IconButton
						asChild
						label="Settings"
						icon={
							<a
								href="/dashboard/settings"
								onClick={(event) => {
									event.preventDefault();
									navigate({ page: "settings" });
								}}
							>
								<Settings aria-hidden="true" />
							</a>
						}
					/>
				)}
				<span className="ml-1 hidden items-center gap-2 pl-2 md:flex">
					<Avatar name={user.name} seed={user.id} size="sm" />
					<span className="max-w-32 truncate font-medium">{user.name}</span>
				</span>
				<IconButton
					label="Log out"
					icon={<LogOut aria-hidden="true" />}
					onClick={() => signOut(session)}
				/>
			</nav>
		</header>
	);
}
