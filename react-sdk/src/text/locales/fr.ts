import type { LocaleMessages } from "../text-types.ts";
import type { en } from "./en.ts";

/** French copy. */
export const fr = {
	"common.actions.askQuestion": "Poser une question",
	"common.actions.back": "Retour",
	"common.actions.close": "Fermer",
	"common.actions.retry": "Réessayer",
	"common.actions.discard": "Supprimer",
	"common.fallbacks.supportTeam": "Équipe support",
	"common.fallbacks.you": "Vous",
	"component.dialog.label": "Support",
	"component.trigger.open": "Ouvrir le support",
	"component.trigger.close": "Fermer le support",
	"component.trigger.unread": ({ variables, utils }) =>
		`${utils.formatNumber(Number(variables?.count ?? 0))} ${utils.pluralize(Number(variables?.count ?? 0), "message non lu", "messages non lus")}`,
	"page.home.greeting": ({ variables, context, utils }) => {
		const name = variables?.visitorName ?? context.visitor?.contact?.name ?? "";
		const hello = utils.timeOfDay().token === "evening" ? "Bonsoir" : "Bonjour";
		return name ? `${hello} ${name} 👋` : `${hello} 👋`;
	},
	"page.home.tagline": "Comment pouvons-nous vous aider ?",
	"page.home.recentConversations": "Conversations récentes",
	"page.home.moreConversations": ({ variables, utils }) =>
		`Voir ${utils.pluralize(Number(variables?.count ?? 0), "la conversation", "toutes les conversations")}`,
	"page.conversationHistory.title": "Conversations",
	"page.conversationHistory.empty": "Aucune conversation pour l'instant.",
	"page.conversation.title": "Conversation",
	"page.conversation.newTitle": "Nouvelle conversation",
	"page.conversation.resolved": "Cette conversation a été résolue.",
	"page.articles.title": "Articles d'aide",
	"page.articles.empty": "Pas encore d'articles. Posez-nous directement votre question.",
	"component.composer.label": "Message",
	"component.composer.placeholder": "Écrivez un message…",
	"component.composer.send": "Envoyer",
	"component.composer.attach": "Joindre des fichiers",
	"component.composer.removeFile": "Retirer {fileName}",
	"component.composer.uploading": "Envoi {progress} %",
	"component.message.queued": "Envoi…",
	"component.message.sent": "Envoyé",
	"component.message.seen": "Vu",
	"component.message.failed": "Non distribué",
	"component.timeline.label": "Messages",
	"component.timeline.loading": "Chargement des messages…",
	"component.timeline.today": "Aujourd'hui",
	"component.typing.named": "{name} écrit…",
	"component.typing.anonymous": "Le support écrit…",
	"component.offline":
		"Vous êtes hors ligne. Les messages partiront dès le retour de la connexion.",
	"component.conversationCard.untitled": "Conversation",
	"component.conversationCard.noMessages": "Aucun message pour l'instant",
	"component.error.configuration": "Le support n'est pas configuré : {message}",
	"component.window.loading": "Chargement…",
	"component.quickOptions.label": "Questions suggérées",
} satisfies LocaleMessages<keyof typeof en>;
