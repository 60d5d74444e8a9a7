import { useDashboard } from "../dashboard-context.tsx";
import { navigate } from "../router.ts";
import { useTheme } from "../theme.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { clearDeviceData } from "./device-data.ts";
import { WebsiteSwitcher } from "./website-switcher.tsx";

/** Brand, connection state, settings (admins), shortcuts, theme and logout. */
export function TopBar({ onShortcuts }: { onShortcuts: () => void }) {
	const { user, session, isAdmin } = useDashboard();
	const [theme, toggleTheme] = useTheme();
	return (
		<header className="top-bar">
			<h1 className="brand-title">
				<a
					className="brand"
					href="/dashboard/"
					onClick={(event) => {
						event.preventDefault();
						navigate({ page: "inbox" });
					}}
				>
					Cossistant
				</a>
			</h1>
			<WebsiteSwitcher />
			<ConnectionIndicator />
			<nav className="top-actions" aria-label="Account">
				{isAdmin && (
					<a
						href="/dashboard/settings"
						onClick={(event) => {
							event.preventDefault();
							navigate({ page: "settings" });
						}}
					>
						Settings
					</a>
				)}
				<button type="button" onClick={onShortcuts} aria-keyshortcuts="?">
					Shortcuts
				</button>
				<button
					type="button"
					onClick={toggleTheme}
					aria-label={theme === "dark" ? "Use light theme" : "Use dark theme"}
				>
					{theme === "dark" ? "☀" : "☾"}
				</button>
				<span className="user-name">{user.name}</span>
				<button
					type="button"
					onClick={() => {
						navigate({ page: "login" }, { replace: true });
						// Signing out unmounts the workspace (its client closes its databases), then the
						// device forgets the website's cached conversations and notes.
						void session.logout().then(() => setTimeout(() => void clearDeviceData(), 100));
					}}
				>
					Log out
				</button>
			</nav>
		</header>
	);
}
