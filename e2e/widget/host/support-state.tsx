// The docs' Support State page: support.ts (createSupport) passed to the provider, the
// NewMessageButton built on useFeatureFlag and an onboarding step built on useOnboarding.
import {
	createSupport,
	Support,
	useFeatureFlag,
	useOnboarding,
	useVisitor,
} from "@cossistant/react";
import { useState } from "react";
import { mount } from "./mount.tsx";

// Same flags and steps as the docs (the repository registers this shape for type inference).
const support = createSupport({
	featureFlags: ["new-message", "billing-v2"],
	onboarding: {
		steps: [
			{ id: "workspace", isFirst: true },
			{ id: "invite-team" },
			{ id: "done", isLast: true },
		],
	},
});

function NewMessageButton() {
	const isNewMessageActivated = useFeatureFlag("new-message");
	if (!isNewMessageActivated) {
		return null;
	}
	return <button type="button">New message</button>;
}

function Onboarding() {
	const { currentStepId, isLoaded, setMetadata, completeStep, getMetadata } = useOnboarding();
	const [name, setName] = useState("Acme");
	if (!isLoaded) return <p>Loading onboarding…</p>;
	return (
		<section aria-label="Onboarding">
			<p data-testid="current-step">{currentStepId ?? "all done"}</p>
			<p data-testid="workspace-name">{getMetadata("workspace")?.workspaceName ?? "unnamed"}</p>
			{currentStepId === "workspace" ? (
				<form
					onSubmit={async (event) => {
						event.preventDefault();
						await setMetadata("workspace", { workspaceName: name });
						await completeStep("workspace");
					}}
				>
					<label>
						Workspace name
						<input value={name} onChange={(event) => setName(event.target.value)} />
					</label>
					<button type="submit">Create workspace</button>
				</form>
			) : null}
		</section>
	);
}

/** The visitor's id, which the customer's backend would target with a flag mutation. */
function VisitorId() {
	const { visitor } = useVisitor();
	return <output data-testid="visitor-id">{visitor?.id ?? ""}</output>;
}

mount(
	<>
		<h1>You are ready to chat</h1>
		<VisitorId />
		<NewMessageButton />
		<Onboarding />
		<Support />
	</>,
	{ support },
);
