// Routing & Pages, building UI components. `navigate` is taken from useSupportNavigation here:
// the docs' snippet calls it without destructuring it.
import { Button, Header, Text, useSupportNavigation, useSupportText } from "@cossistant/next";

export const HelpPage = () => {
	const { goBack, navigate } = useSupportNavigation();
	const text = useSupportText();

	return (
		<>
			<Header>
				<button onClick={goBack}>← {text("common.actions.back")}</button>
			</Header>

			<div className="p-6">
				<h2 className="text-2xl font-semibold mb-4">Help Center</h2>

				<Button variant="secondary" size="large" onClick={() => navigate({ page: "HOME" })}>
					Back to Home
				</Button>
			</div>
		</>
	);
};
