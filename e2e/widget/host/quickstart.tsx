// Steps 5 to 7 of the docs' React Quickstart (src/App.tsx): <Support /> with zero props,
// IdentifySupportVisitor for a signed-in user and SupportConfig's welcome copy. Query settings:
// `identify=1` signs Jane in (`user=ada|grace|alan|katherine|margaret` someone else), `config=1` adds the
// SupportConfig, `locale=fr` sets the locale, `theme=light|dark` forces the theme.
import { IdentifySupportVisitor, Support, SupportConfig } from "@cossistant/react";
import { type DefaultMessage, SenderType } from "@cossistant/types";
import { mount, pageParams } from "./mount.tsx";

const PEOPLE = {
	jane: { id: "user_123", email: "jane@acme.com", name: "Jane Doe" },
	ada: { id: "user_ada", email: "ada@acme.com", name: "Ada Lovelace" },
	grace: { id: "user_grace", email: "grace@acme.com", name: "Grace Hopper" },
	alan: { id: "user_alan", email: "alan@acme.com", name: "Alan Turing" },
	katherine: { id: "user_katherine", email: "katherine@acme.com", name: "Katherine Johnson" },
	margaret: { id: "user_margaret", email: "margaret@acme.com", name: "Margaret Hamilton" },
};
const person = pageParams.get("user");
const user = person && person in PEOPLE ? PEOPLE[person as keyof typeof PEOPLE] : PEOPLE.jane;

const defaultMessages: DefaultMessage[] = [
	{
		content: `Hi ${user.name ?? "there"}, anything I can help with?`,
		senderType: SenderType.TEAM_MEMBER,
	},
];
const quickOptions: string[] = ["How to identify a visitor?"];

function App() {
	const locale = pageParams.get("locale") ?? undefined;
	const theme = pageParams.get("theme");
	return (
		<>
			<h1>You are ready to chat</h1>
			{pageParams.get("identify") === "1" ? (
				<IdentifySupportVisitor externalId={user.id} email={user.email} name={user.name} />
			) : null}
			{pageParams.get("config") === "1" ? (
				<SupportConfig defaultMessages={defaultMessages} quickOptions={quickOptions} />
			) : null}
			{locale || theme ? (
				<Support
					locale={locale}
					theme={theme === "dark" || theme === "light" ? theme : undefined}
				/>
			) : (
				<Support />
			)}
		</>
	);
}

mount(<App />);
