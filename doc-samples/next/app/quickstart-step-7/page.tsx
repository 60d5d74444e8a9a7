// Next.js Quickstart, step 7: app/page.tsx with SupportConfig's default messages (served here at
// /quickstart-step-7; app/page.tsx is step 5).
import { Support, SupportConfig } from "@cossistant/next";
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

export default function Page() {
	return (
		<>
			<SupportConfig defaultMessages={defaultMessages} quickOptions={quickOptions} />
			<Support />
		</>
	);
}
