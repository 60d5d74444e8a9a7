// Locale & Text: providing locales and overrides on <Support>.
import { Support } from "@cossistant/next";

// The docs show the element alone; a component renders it here.
export function FrenchSupport() {
	return (
		<Support
			locale="fr"
			content={{
				"page.home.greeting": ({ variables, context, utils }) => {
					const period = utils.timeOfDay();
					const visitorName = variables?.visitorName ?? context.visitor?.contact?.name ?? "";
					const prefix = period.token === "evening" ? "Bonsoir" : "Salut";
					return `${prefix} ${visitorName}!`;
				},
				"common.actions.askQuestion": {
					en: "Reach out",
					fr: "Contactez-nous",
				},
			}}
		/>
	);
}
