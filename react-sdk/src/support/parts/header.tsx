import { Children, isValidElement, type ReactNode } from "react";
import { useSupportConfig } from "../../hooks/use-support-config.ts";
import { useSupportNavigation } from "../../hooks/use-support-navigation.ts";
import { useSupportText } from "../../text/text-context.tsx";
import { BackIcon, CloseIcon } from "./icon.tsx";

/** Props of `<Header>`. */
export interface HeaderProps {
	/**
	 * The page title (rendered as the window's heading), or your own header content: with a
	 * heading, button, link or nav element among the children, they are laid out as they are,
	 * without the heading and back button of ours.
	 */
	children?: ReactNode;
	/** Extra controls between the title and the close button. */
	actions?: ReactNode;
}

/** Elements that mean the children lay the header out themselves. */
const OWN_LAYOUT = /^(?:h[1-6]|button|a|nav)$/;

function isOwnLayout(children: ReactNode): boolean {
	return Children.toArray(children).some(
		(child) =>
			isValidElement(child) && typeof child.type === "string" && OWN_LAYOUT.test(child.type),
	);
}

/**
 * A page header: back button when there is history, title, close button. Given your own
 * heading or controls (as Routing & Pages does), it keeps them and adds only the close button.
 *
 * @example
 * <Header>Settings</Header>
 * <Header>
 *   {canGoBack && <button onClick={goBack}>← Back</button>}
 *   <h1>Settings</h1>
 * </Header>
 */
export function Header({ children, actions }: HeaderProps) {
	const { canGoBack, goBack } = useSupportNavigation();
	const { close } = useSupportConfig();
	const text = useSupportText();
	const own = isOwnLayout(children);
	return (
		<header className="co-header">
			{canGoBack && !own ? (
				<button
					type="button"
					className="co-icon-button"
					onClick={goBack}
					aria-label={text("common.actions.back")}
				>
					<BackIcon />
				</button>
			) : null}
			{own ? (
				<div className="co-header-title">{children}</div>
			) : (
				<h2 className="co-header-title">{children}</h2>
			)}
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
