import type { CossistantClient } from "@cossistant/core";
import type {
	AIAgent,
	DefaultMessage,
	HumanAgent,
	PublicVisitor,
	PublicWebsiteResponse,
} from "@cossistant/types";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { useSupportConfig } from "./use-support-config.ts";

const NO_AGENTS: never[] = [];

/** What `useSupport()` returns. */
export interface UseSupportResult {
	/** Website configuration and agent availability (`null` until bootstrapped). */
	website: PublicWebsiteResponse | null;
	/** The visitor, with its contact once identified. */
	visitor: PublicVisitor | null;
	availableHumanAgents: HumanAgent[];
	availableAIAgents: AIAgent[];
	/** Welcome messages shown before a conversation starts. */
	defaultMessages: DefaultMessage[];
	/** Suggested first messages. */
	quickOptions: string[];
	setDefaultMessages: (messages: DefaultMessage[]) => void;
	setQuickOptions: (options: string[]) => void;
	/** Unread agent messages across the visitor's conversations. */
	unreadCount: number;
	/** Whether an agent is typing in one of them. */
	isTyping: boolean;
	/** true until the visitor is bootstrapped (or its stored copy loaded, offline). */
	isLoading: boolean;
	/** true when the widget runs from its stored copy or the socket is down. */
	isOffline: boolean;
	/**
	 * true when the website blocked this visitor: known from the bootstrap (`isBlocked`) or, live,
	 * from the server closing the socket with `visitor_blocked`. Messages cannot be sent.
	 */
	isBlocked: boolean;
	/** The last bootstrap error (retried automatically), or null. */
	error: Error | null;
	/** Missing or invalid public key, or null. */
	configurationError: Error | null;
	/** The underlying client (`null` with a configuration error). */
	client: CossistantClient | null;
	isOpen: boolean;
	open: () => void;
	close: () => void;
	toggle: () => void;
	size: "normal" | "larger";
}

/**
 * Widget state and controls from any component under `SupportProvider`.
 *
 * @example
 * const { isOpen, toggle, unreadCount } = useSupport();
 * <button onClick={toggle}>Help {unreadCount > 0 && `(${unreadCount})`}</button>
 */
export function useSupport(): UseSupportResult {
	const session = useSupportSession("useSupport");
	const { client, ready, widget, activity } = session;
	const config = useSupportConfig();
	const website = useStore(client?.visitorState, (state) => state?.website ?? null);
	const visitor = useStore(client?.visitorState, (state) => state?.visitor ?? null);
	const storedCopy = useStore(client?.visitorState, (state) => state?.offline ?? false);
	const connection = ready && client ? client.connection.state : null;
	const disconnected = useStore(connection, (state) => state?.status === "disconnected");
	// Sticky until the next close or a reload: a blocked visitor's socket keeps reopening (the
	// WebSocket opens, then the server refuses it), so "connected" alternates with the refusal
	// and cannot tell an unblock from the next attempt. An unblock shows after the next bootstrap.
	const refusedAsBlocked = useStore(
		connection,
		(state) => state?.lastClose?.reason === "visitor_blocked",
	);
	const isBlocked = visitor?.isBlocked === true || refusedAsBlocked;
	const defaultMessages = useStore(widget, (state) => state?.defaultMessages ?? []);
	const quickOptions = useStore(widget, (state) => state?.quickOptions ?? []);
	const unreadCount = useStore(activity, (state) => state?.unreadCount ?? 0);
	const isTyping = useStore(activity, (state) => state?.isTyping ?? false);
	return {
		website,
		visitor,
		availableHumanAgents: website?.availableHumanAgents ?? NO_AGENTS,
		availableAIAgents: website?.availableAIAgents ?? NO_AGENTS,
		defaultMessages,
		quickOptions,
		setDefaultMessages: widget.actions.setDefaultMessages,
		setQuickOptions: widget.actions.setQuickOptions,
		unreadCount,
		isTyping,
		isLoading: !ready && !session.configurationError,
		isOffline: !isBlocked && (storedCopy || disconnected),
		isBlocked,
		error: session.error,
		configurationError: session.configurationError,
		client,
		...config,
	};
}
