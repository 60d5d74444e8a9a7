// Customization: the type reference. The docs' types, declared as written, and checked against
// the package's: each way assignable, so neither has a field the other lacks or types otherwise.
import type {
	CustomPage,
	DefaultMessage,
	ContentProps as PackageContentProps,
	SupportProps as PackageSupportProps,
	TriggerRenderProps as PackageTriggerRenderProps,
	SupportTextContentOverrides,
} from "@cossistant/next";

type TriggerRenderProps = {
	isOpen: boolean;
	isTyping: boolean;
	unreadCount: number;
	toggle: () => void;
};

type CollisionPadding = number | { top?: number; right?: number; bottom?: number; left?: number };

type ContentProps = {
	className?: string;
	side?: "top" | "bottom" | "left" | "right";
	align?: "start" | "center" | "end";
	sideOffset?: number;
	avoidCollisions?: boolean; // default: true
	collisionPadding?: CollisionPadding; // default: 8
	children?: React.ReactNode;
};

type SupportProps = {
	className?: string;
	side?: "top" | "bottom" | "left" | "right";
	align?: "start" | "center" | "end";
	sideOffset?: number;
	avoidCollisions?: boolean; // default: true
	collisionPadding?: CollisionPadding; // default: 8
	classNames?: {
		trigger?: string;
		content?: string;
	};
	theme?: "light" | "dark";
	defaultOpen?: boolean;
	locale?: string;
	content?: SupportTextContentOverrides;
	quickOptions?: string[];
	defaultMessages?: DefaultMessage[];
	customPages?: CustomPage[];
	children?: React.ReactNode;
};

/** Compiles only when A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const triggerRenderProps: Same<TriggerRenderProps, PackageTriggerRenderProps> = true;
export const contentProps: Same<ContentProps, PackageContentProps> = true;
// The package's SupportProps has more (controlled `open`, the event callbacks, `ref`): the docs'
// are a subset, so the documented ones must be accepted as they are typed.
export const supportProps: Same<SupportProps, Pick<PackageSupportProps, keyof SupportProps>> = true;
