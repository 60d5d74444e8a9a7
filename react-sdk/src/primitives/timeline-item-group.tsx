import { createContext, type HTMLAttributes, type ReactNode, useContext } from "react";
import { Avatar } from "./avatar.tsx";

/** Props of `<Primitives.TimelineItemGroup>`. */
export type TimelineItemGroupProps = HTMLAttributes<HTMLDivElement> & {
	/** Who wrote the group: its accessible name, the header's and the avatar's default. */
	senderName?: string;
	/** Written by this visitor (`data-sender="visitor"`). */
	isMine?: boolean;
};

interface GroupContextValue {
	senderName: string | undefined;
	isMine: boolean;
}

const GroupContext = createContext<GroupContextValue | null>(null);

/**
 * Headless group of consecutive messages by one sender (see `groupTimeline` to build groups),
 * with parts for a header, an avatar and the messages.
 *
 * @example
 * <Primitives.TimelineItemGroup senderName="Sarah">
 *   <Primitives.TimelineItemGroupHeader>
 *     <Primitives.TimelineItemGroupAvatar src={sarah.image} />
 *     <span>Sarah</span>
 *   </Primitives.TimelineItemGroupHeader>
 *   <Primitives.TimelineItemGroupContent>{items.map(…)}</Primitives.TimelineItemGroupContent>
 * </Primitives.TimelineItemGroup>
 */
export function TimelineItemGroup({
	senderName,
	isMine = false,
	children,
	...props
}: TimelineItemGroupProps) {
	return (
		<GroupContext.Provider value={{ senderName, isMine }}>
			{/* biome-ignore lint/a11y/useSemanticElements: a group of messages, not a form fieldset */}
			<div
				role="group"
				aria-label={senderName}
				data-sender={isMine ? "visitor" : "agent"}
				{...props}
			>
				{children}
			</div>
		</GroupContext.Provider>
	);
}

/** Props of `<Primitives.TimelineItemGroupHeader>`. */
export type TimelineItemGroupHeaderProps = HTMLAttributes<HTMLDivElement>;

/**
 * Above the group's messages: its children, or the group's `senderName`.
 *
 * @example
 * <Primitives.TimelineItemGroupHeader className="flex items-center gap-2" />
 */
export function TimelineItemGroupHeader({ children, ...props }: TimelineItemGroupHeaderProps) {
	const group = useContext(GroupContext);
	return <div {...props}>{children ?? group?.senderName}</div>;
}

/** Props of `<Primitives.TimelineItemGroupAvatar>`. */
export type TimelineItemGroupAvatarProps = Omit<HTMLAttributes<HTMLSpanElement>, "children"> & {
	/** The sender's picture (http(s)); their initials show when absent or broken. */
	src?: string | null;
	/** The sender's name for the initials. @default the group's `senderName` */
	name?: string;
	/** Picks the initials' accent (e.g. the sender's id). @default the name */
	accentKey?: string;
	/** Your own avatar instead of `Primitives.Avatar`. */
	children?: ReactNode;
};

/**
 * The sender's avatar (`Primitives.Avatar`: picture, or initials on a stable accent). Hidden from
 * assistive technology: the group is already named after the sender.
 *
 * @example
 * <Primitives.TimelineItemGroupAvatar src={agent.image} accentKey={agent.id} />
 */
export function TimelineItemGroupAvatar({
	src,
	name,
	accentKey,
	children,
	...props
}: TimelineItemGroupAvatarProps) {
	const group = useContext(GroupContext);
	if (children !== undefined) {
		return (
			<span aria-hidden="true" {...props}>
				{children}
			</span>
		);
	}
	return (
		<Avatar
			aria-hidden="true"
			name={name ?? group?.senderName ?? ""}
			src={src}
			accentKey={accentKey}
			{...props}
		/>
	);
}

/** Props of `<Primitives.TimelineItemGroupContent>`. */
export type TimelineItemGroupContentProps = HTMLAttributes<HTMLDivElement>;

/**
 * Holds the group's messages (a plain `<div>` to lay them out).
 *
 * @example
 * <Primitives.TimelineItemGroupContent className="flex flex-col gap-1">…</Primitives.TimelineItemGroupContent>
 */
export function TimelineItemGroupContent(props: TimelineItemGroupContentProps) {
	return <div {...props} />;
}
