import type { ReactNode } from "react";
import { useSupportConfig } from "../../hooks/use-support-config.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { useSupportText } from "../../text/text-context.tsx";
import { CloseIcon } from "../trigger.tsx";

/** Props of `<Header>`. */
export interface HeaderProps {
	/** The page title (rendered as the window's heading). */
	children?: ReactNode;
	/** Extra controls between the title and the close button. */
	actions?: ReactNode;
}

/**
 * A page header: back button when there is history, title, close button.
 *
 * @example
 * <Header>Settings</Header>
 */
export function Header({ children, actions }: HeaderProps) {
	const { canGoBack, goBack } = useSupportNavigation();
	const { close } = useSupportConfig();
	const text = useSupportText();
	return (
		<header className="co-header">
			{canGoBack ? (
				<button
					type="button"
					className="co-icon-button"
					onClick={goBack}
					aria-label={text("common.actions.back")}
				>
					<span aria-hidden="true">←</span>
				</button>
			) : null}
			<h2 className="co-header-title">{children}</h2>
			{actions}
			<button
				type="button"
				className="co-icon-button"
				onClick={close}
				aria-label={text("common.actions.close")}
			>
				<CloseIcon />
			</button>
		</header>
	);
}
