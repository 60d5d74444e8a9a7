// Level 3 of the docs' Customization page, "Custom Trigger in a Topbar": Support.Trigger with
// a render function receiving TriggerRenderProps, placed in the host's navigation bar.
// `side=top` asks for the window above the topbar, where it cannot fit (collision avoidance).
import { Support, type TriggerRenderProps } from "@cossistant/react";
import { mount, pageParams } from "./mount.tsx";

function Topbar() {
	return (
		<nav className="topbar" aria-label="Main">
			<strong>Acme</strong>
			<Support side={pageParams.get("side") === "top" ? "top" : "bottom"} align="end">
				<Support.Trigger className="topbar-help">
					{({ isOpen, unreadCount }: TriggerRenderProps) => (
						<>
							{isOpen ? "Close" : "Help"}
							{unreadCount > 0 && (
								<span className="topbar-badge" data-testid="topbar-badge">
									{unreadCount}
								</span>
							)}
						</>
					)}
				</Support.Trigger>
			</Support>
		</nav>
	);
}

mount(
	<>
		<Topbar />
		<h1>You are ready to chat</h1>
	</>,
);
