"use client";

import { Button, Header, useSupportNavigation } from "@cossistant/next";

const QUESTIONS = [
	{ question: "How do I invite my team?", answer: "Settings → Team → Invite." },
	{ question: "Where are my invoices?", answer: "Billing → Invoices, one per month." },
];

/** A custom page of the widget: frequently asked questions. */
export function FaqPage() {
	const { goBack, canGoBack, navigate } = useSupportNavigation();
	return (
		<div className="faq-page">
			<Header>Frequently asked questions</Header>
			<dl>
				{QUESTIONS.map(({ question, answer }) => (
					<div key={question}>
						<dt>{question}</dt>
						<dd>{answer}</dd>
					</div>
				))}
			</dl>
			<Button onClick={() => (canGoBack ? goBack() : navigate({ page: "HOME" }))}>Back</Button>
		</div>
	);
}
