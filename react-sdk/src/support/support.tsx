import type { SupportEventCallbacks } from "@cossistant/core";
import type { DefaultMessage } from "@cossistant/types";
import {
	Children,
	type ReactNode,
	type Ref,
	useEffect,
	useId,
	useImperativeHandle,
	useMemo,
	useRef,
} from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { configurationErrorEvent } from "../provider/use-configuration-report.ts";
import { useStore } from "../provider/use-store.ts";
import { SupportTextProvider } from "../text/text-context.tsx";
import type { SupportTextContentOverrides } from "../text/text-runtime.ts";
import { cx } from "../utils/class-names.ts";
import { isElementOf } from "../utils/element-type.ts";
import type { Align, CollisionPadding, Side } from "../utils/position.ts";
import type { CustomPage } from "../widget/custom-page.ts";
import { createSupportHandle, type SupportHandle } from "../widget/support-handle.ts";
import { type SupportScope, SupportScopeContext } from "../widget/support-scope.ts";
import { SupportContent } from "./content.tsx";
import { pagesFromChildren, SupportPageRoute } from "./page-route.tsx";
import { SupportConfig } from "./support-config.tsx";
import { DefaultTrigger, SupportTrigger } from "./trigger.tsx";
import { UnreadAnnouncer } from "./unread-announcer.tsx";

/** Props of `<Support>` (docs: Customization → SupportProps, Events). */
export interface SupportProps extends SupportEventCallbacks {
	/** Classes of the root wrapper (`.cossistant`). */
	className?: string;
	/** Side of the trigger the window opens on. @default "top" */
	side?: Side;
	/** Alignment along that side. @default "end" */
	align?: Align;
	/** Distance between trigger and window in px. @default 16 */
	sideOffset?: number;
	/** Flip and shift to stay in the viewport. @default true */
	avoidCollisions?: boolean;
	/** Distance kept from the viewport's edges. @default 8 */
	collisionPadding?: CollisionPadding;
	/** Classes of the floating button and of the window. */
	classNames?: { trigger?: string; content?: string };
	/** Force a theme; omitted, the widget follows `.dark` / `data-color-scheme` of the page. */
	theme?: "light" | "dark";
	/** Open on first render (uncontrolled). @default false */
	defaultOpen?: boolean;
	/** Controlled open state (use with `onOpenChange`). */
	open?: boolean;
	/** Called whenever the widget asks to open or close. */
	onOpenChange?: (open: boolean) => void;
	/** Locale of the widget's copy (`en`, `fr`, `es` or your own). @default browser, then "en" */
	locale?: string;
	/** Copy overrides: strings, per-locale maps or formatter functions. */
	content?: SupportTextContentOverrides;
	/** Suggested first messages. */
	quickOptions?: string[];
	/** Welcome messages shown before a conversation starts. */
	defaultMessages?: DefaultMessage[];
	/** Pages added to the router. */
	customPages?: CustomPage[];
	/** `Support.Trigger`, `Support.Content`, `Support.Page` and anything else to render inside. */
	children?: ReactNode;
	/** The imperative `SupportHandle`. */
	ref?: Ref<SupportHandle>;
}

/**
 * The support widget: a floating trigger and a window with home, conversation, history and
 * your own pages. Works with zero configuration; compose `Support.Trigger`, `Support.Content`,
 * `Support.Router` and `Support.Page` for full control.
 *
 * @example
 * <Support />
 * <Support side="bottom" align="end" quickOptions={["How does billing work?"]} />
 * <Support open={isOpen} onOpenChange={setIsOpen} onMessageSent={({ conversationId }) => track(conversationId)} />
 */
export function Support(props: SupportProps) {
	return <SupportFrame props={props} composed={false} />;
}

/**
 * What `<Support>` and `<Support.Root>` share: the open state (controlled or not), event
 * callbacks, the imperative handle, text and the scope its parts read. `composed` (Root) renders
 * the children as they are; otherwise a default trigger and window stand in for the parts the
 * children do not bring.
 */
export function SupportFrame({ props, composed }: { props: SupportProps; composed: boolean }) {
	const { widget, client, configurationError } = useSupportSession(
		composed ? "<Support.Root>" : "<Support>",
	);
	const { open, defaultOpen, onOpenChange, children } = props;
	const controlled = open !== undefined;
	const storeOpen = useStore(widget, (state) => state?.isOpen ?? null);
	const isOpen = controlled ? open : (storeOpen ?? defaultOpen ?? false);
	const contentId = `co-content-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
	const triggerRef = useRef<HTMLElement | null>(null);
	const latest = useRef(props);
	latest.current = props;

	useEffect(() => {
		if (!controlled) return;
		widget.actions.setControl({
			open,
			onOpenChange: (next) => latest.current.onOpenChange?.(next),
		});
		return () => widget.actions.setControl(null);
	}, [widget, controlled, open]);
	useEffect(() => {
		if (defaultOpen !== undefined) widget.actions.initOpen(defaultOpen);
	}, [widget, defaultOpen]);
	const reported = useRef(isOpen);
	useEffect(() => {
		if (!controlled && reported.current !== isOpen) onOpenChange?.(isOpen);
		reported.current = isOpen;
	}, [controlled, isOpen, onOpenChange]);

	useEffect(() => {
		if (!client) return;
		return client.events.subscribeCallbacks({
			onConversationStart: (event) => latest.current.onConversationStart?.(event),
			onConversationEnd: (event) => latest.current.onConversationEnd?.(event),
			onMessageSent: (event) => latest.current.onMessageSent?.(event),
			onMessageReceived: (event) => latest.current.onMessageReceived?.(event),
			onError: (event) => latest.current.onError?.(event),
		});
	}, [client]);
	// No client to carry it (missing or malformed key): `onError` hears it from here.
	const reportedError = useRef<Error | null>(null);
	useEffect(() => {
		if (client || !configurationError || reportedError.current === configurationError) return;
		reportedError.current = configurationError;
		latest.current.onError?.(configurationErrorEvent(configurationError));
	}, [client, configurationError]);

	const handle = useMemo(() => createSupportHandle(widget.actions), [widget]);
	useImperativeHandle(props.ref, () => handle, [handle]);

	const parts = useMemo(() => (composed ? null : splitChildren(children)), [composed, children]);
	const customPages = useMemo(
		() => [...(props.customPages ?? []), ...pagesFromChildren(children)],
		[props.customPages, children],
	);
	const {
		side = "top",
		align = "end",
		sideOffset = 16,
		avoidCollisions = true,
		collisionPadding = 8,
	} = props;
	const paddingKey = JSON.stringify(collisionPadding);
	const classNames = props.classNames;
	const scope = useMemo<SupportScope>(
		() => ({
			isOpen,
			handle,
			contentId,
			triggerRef,
			customPages,
			classNames: classNames ?? {},
			position: {
				side,
				align,
				sideOffset,
				avoidCollisions,
				collisionPadding: JSON.parse(paddingKey),
			},
		}),
		[
			isOpen,
			handle,
			contentId,
			customPages,
			classNames,
			side,
			align,
			sideOffset,
			avoidCollisions,
			paddingKey,
		],
	);

	return (
		<SupportScopeContext.Provider value={scope}>
			<SupportTextProvider locale={props.locale} content={props.content}>
				<SupportConfig defaultMessages={props.defaultMessages} quickOptions={props.quickOptions} />
				<div
					className={cx("cossistant co-root", props.className)}
					data-color-scheme={props.theme}
					data-state={isOpen ? "open" : "closed"}
				>
					{parts ? (
						<>
							{parts.trigger ?? <DefaultTrigger className={classNames?.trigger} />}
							{parts.content ?? <SupportContent />}
							<UnreadAnnouncer isOpen={isOpen} />
							{parts.rest}
						</>
					) : (
						<>
							{children}
							<UnreadAnnouncer isOpen={isOpen} />
						</>
					)}
				</div>
			</SupportTextProvider>
		</SupportScopeContext.Provider>
	);
}

/** Finds the compound parts among `<Support>`'s children. */
function splitChildren(children: ReactNode) {
	let trigger: ReactNode = null;
	let content: ReactNode = null;
	const rest: ReactNode[] = [];
	Children.forEach(children, (child) => {
		if (isElementOf(child, SupportTrigger)) trigger ??= child;
		else if (isElementOf(child, SupportContent)) content ??= child;
		else if (!isElementOf(child, SupportPageRoute)) rest.push(child);
	});
	return { trigger, content, rest };
}
