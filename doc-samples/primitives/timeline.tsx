// Primitives reference: timeline and messages (ConversationTimeline, TimelineItem,
// TimelineItemGroup). The docs' `messages`, `message` and `user` come from the app.
import { Primitives } from "@cossistant/next";

// `key` is all the docs pass each item; an item given `item={msg}` would render its text too.
export function ConversationTimelineSample({ messages }: { messages: { id: string }[] }) {
	return (
		<Primitives.ConversationTimeline>
			<Primitives.ConversationTimelineLoading />
			<Primitives.ConversationTimelineEmpty />
			<Primitives.ConversationTimelineContainer>
				{messages.map((msg) => (
					<Primitives.TimelineItem key={msg.id} />
				))}
			</Primitives.ConversationTimelineContainer>
		</Primitives.ConversationTimeline>
	);
}

export function TimelineItemSample({ message }: { message: { text: string; createdAt: string } }) {
	return (
		<Primitives.TimelineItem>
			<Primitives.TimelineItemContent>{message.text}</Primitives.TimelineItemContent>
			<Primitives.TimelineItemTimestamp>{message.createdAt}</Primitives.TimelineItemTimestamp>
		</Primitives.TimelineItem>
	);
}

export function TimelineItemGroupSample({
	user,
	messages,
}: {
	user: { name: string; image: string | null };
	messages: { id: string }[];
}) {
	return (
		<Primitives.TimelineItemGroup>
			<Primitives.TimelineItemGroupHeader>
				<Primitives.TimelineItemGroupAvatar src={user.image} />
				<span>{user.name}</span>
			</Primitives.TimelineItemGroupHeader>
			<Primitives.TimelineItemGroupContent>
				{messages.map((msg) => (
					<Primitives.TimelineItem key={msg.id} />
				))}
			</Primitives.TimelineItemGroupContent>
		</Primitives.TimelineItemGroup>
	);
}
