// The docs' samples that import from @cossistant/next and @cossistant/next/support, as written
// there (JSX reconstructed). Not executed: `npm run check` (tsc) proves every import exists with
// the documented shape. Analytics calls are replaced by a local `track`.
import {
	IdentifySupportVisitor,
	Primitives,
	Support,
	SupportConfig,
	SupportProvider,
	type TriggerRenderProps,
	useSupport,
	useVisitor,
} from "@cossistant/next";
import {
	type ConversationEndEvent,
	type ConversationStartEvent,
	type ErrorEvent,
	type MessageReceivedEvent,
	type MessageSentEvent,
	type SupportEvent,
	type SupportEventCallbacks,
	type SupportEventType,
	Text,
	useSupportEventEmitter,
	useSupportEvents,
	useSupportHandle,
	useSupportText,
} from "@cossistant/next/support";
import { type DefaultMessage, SenderType } from "@cossistant/types";
import { type ReactNode, useEffect } from "react";

declare function track(event: string, payload?: unknown): void;

export type DocumentedEventTypes = [
	SupportEvent,
	SupportEventType,
	ConversationStartEvent,
	ConversationEndEvent,
	MessageSentEvent,
	MessageReceivedEvent,
	ErrorEvent,
	SupportEventCallbacks,
];

export function RootLayout({ children }: { children: ReactNode }) {
	return (
		<html lang="en">
			<body>
				<SupportProvider>{children}</SupportProvider>
			</body>
		</html>
	);
}

const defaultMessages: DefaultMessage[] = [
	{ content: "Hi Jane, anything I can help with?", senderType: SenderType.TEAM_MEMBER },
];

export function Page() {
	return (
		<>
			<SupportConfig
				defaultMessages={defaultMessages}
				quickOptions={["How to identify a visitor?"]}
			/>
			<Support />
		</>
	);
}

export function AppLayout({ children }: { children: ReactNode }) {
	const user = { id: "user_123", email: "jane@acme.com", name: "Jane Doe" };
	return (
		<>
			<IdentifySupportVisitor
				externalId={user.id}
				email={user.email}
				name={user.name}
				image="https://example.com/jane.png"
				metadata={{ plan: "pro", mrr: 99, active: true, churnedAt: null }}
			/>
			{children}
		</>
	);
}

export function CustomTrigger() {
	return (
		<Support>
			<Support.Trigger>
				{({ isOpen, unreadCount }: TriggerRenderProps) => (
					<>
						{isOpen ? "Close" : "Help"}
						{unreadCount > 0 && <span>{unreadCount}</span>}
					</>
				)}
			</Support.Trigger>
		</Support>
	);
}

export function SupportWidget() {
	return (
		<Support
			onConversationStart={({ conversationId }) => track("started", { conversationId })}
			onConversationEnd={({ conversationId }) => track("ended", { conversationId })}
			onMessageSent={({ conversationId, message }) =>
				track("sent", {
					conversationId,
					messageId: message.id,
					hasAttachments: message.parts.some(
						(part) => part.type === "image" || part.type === "file",
					),
				})
			}
			onMessageReceived={({ conversationId, message }) =>
				track("received", { conversationId, messageId: message.id })
			}
			onError={({ error, context }) => track("error", { error, context })}
		/>
	);
}

export function AnalyticsTracker() {
	const events = useSupportEvents();
	useEffect(() => {
		if (!events) return;
		const unsubscribes = [
			events.subscribe("conversationStart", (event) => track("conversation_started", event)),
			events.subscribe("messageSent", (event) => track("message_sent", event)),
			events.subscribe("messageReceived", (event) => track("message_received", event)),
			events.subscribe("error", (event) =>
				track("error", { error: event.error, context: event.context }),
			),
		];
		return () => {
			for (const unsubscribe of unsubscribes) unsubscribe();
		};
	}, [events]);
	return null;
}

export function CustomConversationPage({ conversationId }: { conversationId: string }) {
	const emitter = useSupportEventEmitter();
	const { visitor } = useVisitor();
	return (
		<button
			type="button"
			onClick={() => {
				emitter.emitConversationStart(conversationId);
				emitter.emitError(new Error(`no message for ${visitor?.id}`), "message_send_failed");
			}}
		>
			Send
		</button>
	);
}

export function AuthHandler({
	user,
}: {
	user: { id: string; email: string; name: string } | null;
}) {
	const { visitor, identify, setVisitorMetadata } = useVisitor();
	useEffect(() => {
		if (user && !visitor?.contact) {
			void identify({ externalId: user.id, email: user.email, name: user.name });
			void setVisitorMetadata({ plan: "pro", upgradedAt: new Date().toISOString(), mrr: 99 });
		}
	}, [user, visitor?.contact, identify, setVisitorMetadata]);
	return null;
}

export function CustomSupportButton() {
	const { isOpen, toggle, unreadCount } = useSupport();
	return (
		<button type="button" onClick={toggle}>
			{isOpen ? "Close" : "Help"} {unreadCount > 0 && `(${unreadCount})`}
		</button>
	);
}

export function HelpButton() {
	const support = useSupportHandle();
	return (
		<button type="button" onClick={() => support?.startConversation("I need help with my order")}>
			Need help?
		</button>
	);
}

export function LocalizedButton() {
	const format = useSupportText();
	return (
		<button type="button">
			{format("common.actions.askQuestion")} <Text textKey="common.actions.askQuestion" />
		</button>
	);
}

export const PrimitiveTrigger = Primitives.Trigger;
