/**
 * The default widget's icons: inline SVG drawn with `currentColor`, so they follow the theme and
 * never depend on an emoji or icon font the visitor's system may lack. Decorative: the control
 * around an icon carries its accessible name. The trigger's and the header's live here, in the
 * bundle that shows the trigger; the pages' in `icons.tsx`, loaded with the pages.
 */

/** One 24×24 stroked path. */
export function Icon({ d, size = 20 }: { d: string; size?: number | undefined }) {
	return (
		<svg
			aria-hidden="true"
			focusable="false"
			className="co-icon"
			viewBox="0 0 24 24"
			width={size}
			height={size}
			fill="none"
			stroke="currentColor"
			strokeWidth="2"
			strokeLinecap="round"
			strokeLinejoin="round"
		>
			<path d={d} />
		</svg>
	);
}

/** A speech bubble: the closed trigger. */
export const ChatIcon = () => (
	<Icon size={24} d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" />
);

/** A cross: close the window, remove an attachment. */
export const CloseIcon = ({ size }: { size?: number }) => (
	<Icon size={size} d="M6 6l12 12M18 6 6 18" />
);

/** A left chevron: back to the previous page. */
export const BackIcon = () => <Icon d="M15 18l-6-6 6-6" />;
