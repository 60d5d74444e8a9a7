import type { LocaleMessages } from "../text-types.ts";
import type { en } from "./en.ts";

/** Spanish copy. */
export const es = {
	"common.actions.askQuestion": "Hacer una pregunta",
	"common.actions.back": "Atrás",
	"common.actions.close": "Cerrar",
	"common.actions.retry": "Reintentar",
	"common.actions.discard": "Descartar",
	"common.fallbacks.supportTeam": "Equipo de soporte",
	"common.fallbacks.you": "Tú",
	"component.dialog.label": "Soporte",
	"component.trigger.open": "Abrir soporte",
	"component.trigger.close": "Cerrar soporte",
	"component.trigger.unread": ({ variables, utils }) =>
		`${utils.formatNumber(Number(variables?.count ?? 0))} ${utils.pluralize(Number(variables?.count ?? 0), "mensaje sin leer", "mensajes sin leer")}`,
	"page.home.greeting": ({ variables, context, utils }) => {
		const name = variables?.visitorName ?? context.visitor?.contact?.name ?? "";
		// "Buenas noches" greets after dark; "Hola" suits the rest of the day.
		const hello = utils.timeOfDay().hour >= 20 ? "Buenas noches" : "Hola";
		return name ? `${hello} ${name}` : hello;
	},
	"page.home.tagline": "¿Cómo podemos ayudarte?",
	"page.home.replyTime": "Solemos responder {time}",

	"page.home.recentConversations": "Conversaciones recientes",
	"page.home.history.more": ({ variables, utils }) =>
		`Ver ${utils.pluralize(Number(variables?.count ?? 0), "la conversación", "todas las conversaciones")}`,
	"page.conversationHistory.title": "Conversaciones",
	"page.conversationHistory.empty": "Todavía no hay conversaciones.",
	"page.conversation.title": "Conversación",
	"page.conversation.newTitle": "Nueva conversación",
	"page.conversation.resolved": "Esta conversación se ha resuelto.",
	"page.articles.title": "Artículos de ayuda",
	"page.articles.empty": "Todavía no hay artículos. Pregúntanos lo que quieras.",
	"component.composer.label": "Mensaje",
	"component.composer.placeholder": "Escribe un mensaje…",
	"component.composer.send": "Enviar",
	"component.composer.attach": "Adjuntar archivos",
	"component.composer.removeFile": "Quitar {fileName}",
	"component.composer.uploading": "Subiendo archivos: {progress}\u00a0%",
	"component.composer.failed": "No se pudo enviar tu mensaje. Inténtalo de nuevo.",
	"component.message.queued": "Enviando…",
	"component.message.sent": "Enviado",
	"component.message.seen": "Visto",
	"component.message.failed": "No se pudo enviar",
	"component.timeline.label": "Mensajes",
	"component.timeline.loading": "Cargando mensajes…",
	"component.timeline.today": "Hoy",
	"component.typing.named": "{name} está escribiendo…",
	"component.typing.anonymous": "El equipo de soporte está escribiendo…",
	"component.offline":
		"Estás sin conexión. Tus mensajes se enviarán cuando vuelvas a estar en línea.",
	"component.blocked": "Ya no puedes enviar mensajes aquí.",
	"component.conversationCard.untitled": "Conversación",
	"component.conversationCard.noMessages": "Todavía no hay mensajes",
	"component.error.configuration": "El soporte no está configurado: {message}",
	"component.window.loading": "Cargando…",
	"component.quickOptions.label": "Preguntas sugeridas",
} satisfies LocaleMessages<keyof typeof en>;
