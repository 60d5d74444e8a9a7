// React Quickstart, step 7: src/App.tsx with SupportConfig's default messages.
import { Support, SupportConfig } from "@cossistant/react";
import { type DefaultMessage, SenderType } from "@cossistant/types";

const user: { name: string | null } = {
	name: "Jane Doe",
};

const defaultMessages: DefaultMessage[] = [
	{
		content: `Hi ${user.name ?? "there"}, anything I can help with?`,
		senderType: SenderType.TEAM_MEMBER,
	},
];

const quickOptions: string[] = ["How to identify a visitor?"];

export default function App() {
	return (
		<>
			<SupportConfig defaultMessages={defaultMessages} quickOptions={quickOptions} />
			<Support />
		</>
	);
}
