// Basic usage: customizing messages and quick options per page (app/pricing/page.tsx).
import { SupportConfig } from "@cossistant/next";
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

const quickOptions: string[] = [
	"How does billing work?",
	"What's included in Pro?",
	"Can I cancel anytime?",
];

export default function PricingPage() {
	return (
		<>
			<SupportConfig defaultMessages={defaultMessages} quickOptions={quickOptions} />
			<h1>Choose your plan</h1>
		</>
	);
}
