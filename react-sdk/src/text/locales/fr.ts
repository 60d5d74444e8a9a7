import type { LocaleMessages } from "../text-types.ts";
import type { en } from "./en.ts";

/**
 * French copy. Typography: a no-break space (`\u00a0`) before `?`, `:` and `%`, so they never
 * wrap onto a line of their own.
 */
export const fr = {
	"common.actions.askQuestion": "Poser une question",
	"common.actions.back": "Retour",
	"common.actions.close": "Fermer",
	"common.actions.retry": "Réessayer",
	"common.actions.discard": "Supprimer",
	"common.fallbacks.supportTeam": "L'équipe support",
	"common.fallbacks.you": "Vous",
	"component.dialog.label": "Support",
	"component.trigger.open": "Ouvrir le support",
	"component.trigger.close": "Fermer le support",
	"component.trigger.unread": ({ variables, utils }) =>
		`${utils.formatNumber(Number(variables?.count ?? 0))} ${utils.pluralize(Number(variables?.count ?? 0), "message non lu", "messages non lus")}`,
	"page.home.greeting": ({ variables, context, utils }) => {
		const name = variables?.visitorName ?? context.visitor?.contact?.name ?? "";
		const hello = utils.timeOfDay().token === "evening" ? "Bonsoir" : "Bonjour";
		return name ? `${hello} ${name}` : hello;
	},
	"page.home.tagline": "Comment pouvons-nous vous aider\u00a0?",
	"page.home.replyTime": "Nous répondons généralement {time}",

	"page.home.recentConversations": "Conversations récentes",
	"page.home.history.more": ({ variables, utils }) =>
		`Voir ${utils.pluralize(Number(variables?.count ?? 0), "la conversation", "toutes les conversations")}`,
	"page.conversationHistory.title": "Conversations",
	"page.conversationHistory.empty": "Aucune conversation pour l'instant.",
	"page.conversation.title": "Conversation",
	"page.conversation.newTitle": "Nouvelle conversation",
	"page.conversation.resolved": "Cette conversation a été résolue.",
	"page.articles.title": "Articles d'aide",
	"page.articles.empty": "Aucun article pour l'instant. Posez-nous directement votre question.",
	"component.composer.label": "Message",
	"component.composer.placeholder": "Écrivez un message…",
	"component.composer.send": "Envoyer",
	"component.composer.attach": "Joindre des fichiers",
	"component.composer.removeFile": "Retirer {fileName}",
	"component.composer.uploading": "Envoi des fichiers\u00a0: {progress}\u00a0%",
	"component.composer.failed": "Votre message n'a pas pu être envoyé. Réessayez.",
	"component.message.queued": "Envoi en cours…",
	"component.message.sent": "Envoyé",
	"component.message.seen": "Vu",
	"component.message.failed": "Échec de l'envoi",
	"component.timeline.label": "Messages",
	"component.timeline.loading": "Chargement des messages…",
	"component.timeline.today": "Aujourd'hui",
	"component.typing.named": "{name} est en train d'écrire…",
	"component.typing.anonymous": "Le support est en train d'écrire…",
	"component.offline":
		"Vous êtes hors ligne. Vos messages seront envoyés dès le retour de la connexion.",
	"component.blocked": "Vous ne pouvez plus envoyer de messages ici.",
	"component.conversationCard.untitled": "Conversation",
	"component.conversationCard.noMessages": "Aucun message pour l'instant",
	"component.error.configuration": "Le support n'est pas configuré\u00a0: {message}",
	"component.window.loading": "Chargement…",
	"component.quickOptions.label": "Questions suggérées",
} satisfies LocaleMessages<keyof typeof en>;
