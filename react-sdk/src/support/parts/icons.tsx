import { Icon } from "./icon.tsx";

// The pages' icons (see icon.tsx for the trigger's and the header's).

/** A right chevron: open a conversation, start one. */
export const ChevronIcon = ({ size }: { size?: number }) => <Icon size={size} d="M9 6l6 6-6 6" />;

/** A paper plane: send the message. */
export const SendIcon = () => <Icon d="M4 12 20 4l-5 16-3.5-6.5L4 12Zm7.5 1.5L20 4" />;

/** A paper clip: attach files. */
export const AttachIcon = () => (
	<Icon d="m20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15 6.9" />
);

/** A page with a folded corner: an attached file. */
export const FileIcon = ({ size }: { size?: number }) => (
	<Icon size={size} d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5" />
);

/** A clock: the message waits to be sent. */
export const ClockIcon = () => (
	<Icon size={14} d="M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" />
);

/** One tick: the server has the message. */
export const CheckIcon = () => <Icon size={14} d="m5 12.5 4.5 4.5L19 7.5" />;

/** Two ticks: the team has seen the message. */
export const DoubleCheckIcon = () => (
	<Icon size={14} d="m2 12.5 4.5 4.5L16 7.5m-4.5 9.5.5.5 10-10" />
);

/** An exclamation mark in a circle: the message was not delivered. */
export const AlertIcon = () => (
	<Icon size={14} d="M12 8v4.5m0 3.5h.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" />
);
