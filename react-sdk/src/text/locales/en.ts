import type { LocaleMessages } from "../text-types.ts";

/** English copy: the source of truth for every key (`{name}` marks a variable). */
export const en = {
	"common.actions.askQuestion": "Ask a question",
	"common.actions.back": "Back",
	"common.actions.close": "Close",
	"common.actions.retry": "Retry",
	"common.actions.discard": "Discard",
	"common.fallbacks.supportTeam": "Support team",
	"common.fallbacks.you": "You",
	"component.dialog.label": "Support",
	"component.trigger.open": "Open support",
	"component.trigger.close": "Close support",
	"component.trigger.unread": ({ variables, utils }) =>
		`${utils.formatNumber(Number(variables?.count ?? 0))} ${utils.pluralize(Number(variables?.count ?? 0), "unread message", "unread messages")}`,
	"page.home.greeting": ({ variables, context, utils }) => {
		const name = variables?.visitorName ?? context.visitor?.contact?.name ?? "";
		const hello = utils.timeOfDay().token === "evening" ? "Good evening" : "Hi";
		// Without a name: "Hi there" by day, plain "Good evening" at night.
		return name ? `${hello} ${name}` : hello === "Hi" ? "Hi there" : hello;
	},
	"page.home.tagline": "How can we help?",
	"page.home.replyTime": "We usually reply {time}",

	"page.home.recentConversations": "Recent conversations",
	"page.home.history.more": ({ variables, utils }) =>
		`See all ${utils.pluralize(Number(variables?.count ?? 0), "conversation", "conversations")}`,
	"page.conversationHistory.title": "Conversations",
	"page.conversationHistory.empty": "No conversations yet.",
	"page.conversation.title": "Conversation",
	"page.conversation.newTitle": "New conversation",
	"page.conversation.resolved": "This conversation was resolved.",
	"page.articles.title": "Help articles",
	"page.articles.empty": "No articles yet. Ask us anything instead.",
	"component.composer.label": "Message",
	"component.composer.placeholder": "Write a message…",
	"component.composer.send": "Send",
	"component.composer.attach": "Attach files",
	"component.composer.removeFile": "Remove {fileName}",
	"component.composer.uploading": "Uploading {progress}%",
	"component.composer.failed": "Your message could not be sent. Please try again.",
	"component.message.queued": "Sending…",
	"component.message.sent": "Sent",
	"component.message.seen": "Seen",
	"component.message.failed": "Not delivered",
	"component.timeline.label": "Messages",
	"component.timeline.loading": "Loading messages…",
	"component.timeline.today": "Today",
	"component.typing.named": "{name} is typing…",
	"component.typing.anonymous": "Support is typing…",
	"component.offline": "You're offline. Messages will be sent when you're back online.",
	"component.blocked": "You can no longer send messages here.",
	"component.conversationCard.untitled": "Conversation",
	"component.conversationCard.noMessages": "No messages yet",
	"component.error.configuration": "Support is not configured: {message}",
	"component.window.loading": "Loading…",
	"component.quickOptions.label": "Suggested questions",
} as const satisfies LocaleMessages<string>;
