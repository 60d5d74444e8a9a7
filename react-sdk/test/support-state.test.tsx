// @vitest-environment happy-dom
import { type CossistantClient, createSupport, memoryKeyValueStore } from "@cossistant/core";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { useFeatureFlag, useOnboarding, useSupport, useVisitor } from "../src/index.ts";
import { connectAgent, type TestAgent } from "./support/agent.ts";
import { renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

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

/** Hands the provider's client to the test (to wait for the outbox). */
function ClientProbe({ into }: { into: Array<CossistantClient | null> }) {
	into.push(useSupport().client);
	return null;
}

function FlagProbe() {
	const enabled = useFeatureFlag("new-message");
	const { visitor, website } = useSupport();
	return (
		<output aria-label="flag" data-visitor={visitor?.id} data-website={website?.id}>
			{enabled ? "on" : "off"}
		</output>
	);
}

function OnboardingProbe() {
	const { currentStepId, steps, setMetadata, completeStep, getMetadata } = useOnboarding();
	return (
		<div>
			<output aria-label="step">{currentStepId ?? "all done"}</output>
			<output aria-label="workspace">
				{String(getMetadata("workspace")?.workspaceName ?? "")}
			</output>
			<output aria-label="completed">{steps.workspace?.completed ? "yes" : "no"}</output>
			<button
				type="button"
				onClick={() => void setMetadata("workspace", { workspaceName: "Acme" })}
			>
				Name workspace
			</button>
			<button type="button" onClick={() => void completeStep("workspace")}>
				Complete workspace
			</button>
		</div>
	);
}

function IdentifyProbe() {
	const { visitor, identify, setVisitorMetadata } = useVisitor();
	const [sent, setSent] = useState<string[]>([]);
	return (
		<div>
			<output aria-label="contact">{visitor?.contact?.email ?? "anonymous"}</output>
			<output aria-label="plan">{String(visitor?.contact?.metadata.plan ?? "")}</output>
			<output aria-label="sent">{sent.join(",")}</output>
			<button
				type="button"
				onClick={() => void identify({ externalId: "user_42", email: "ada@acme.com" })}
			>
				Identify
			</button>
			<button
				type="button"
				onClick={() =>
					void setVisitorMetadata({ plan: "pro" }).then((result) =>
						setSent((list) => [...list, String(result)]),
					)
				}
			>
				Upgrade
			</button>
		</div>
	);
}

describe("support state hooks against a real sync-server", () => {
	let server: WidgetServer;
	let agent: TestAgent;

	beforeAll(async () => {
		server = await startWidgetServer();
		agent = await connectAgent(server);
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		agent?.destroy();
		await server?.stop();
	});

	it("useFeatureFlag flips live when the server changes the visitor's flags", async () => {
		renderWidget(server, <FlagProbe />, { provider: { support } });
		const output = screen.getByRole("status", { name: "flag" });
		expect(output.textContent).toBe("off");
		await eventually(() => expect(output.dataset.visitor).toBeTruthy());
		const privateKey = await agent.createPrivateKey(output.dataset.website ?? "");
		const mutate = (operation: "add" | "remove") =>
			fetch(`${server.demo.apiUrl}/support/feature-flags`, {
				method: "PATCH",
				headers: { "content-type": "application/json", authorization: `Bearer ${privateKey}` },
				body: JSON.stringify({
					target: { type: "visitor", id: output.dataset.visitor },
					operation,
					flags: ["new-message"],
				}),
			});
		expect((await mutate("add")).status).toBe(200);
		await eventually(() => expect(output.textContent).toBe("on"), { timeoutMs: 15_000 });
		expect((await mutate("remove")).status).toBe(200);
		await eventually(() => expect(output.textContent).toBe("off"), { timeoutMs: 15_000 });
	});

	it("useOnboarding applies metadata and completion optimistically and keeps them", async () => {
		const storage = memoryKeyValueStore();
		const clients: Array<CossistantClient | null> = [];
		const first = renderWidget(
			server,
			<>
				<OnboardingProbe />
				<ClientProbe into={clients} />
			</>,
			{ storage, provider: { support } },
		);
		const step = screen.getByRole("status", { name: "step" });
		await eventually(() => expect(step.textContent).toBe("workspace"));
		await act(async () => {
			fireEvent.click(screen.getByRole("button", { name: "Name workspace" }));
		});
		expect(screen.getByRole("status", { name: "workspace" }).textContent).toBe("Acme");
		await act(async () => {
			fireEvent.click(screen.getByRole("button", { name: "Complete workspace" }));
		});
		expect(step.textContent).toBe("invite-team");
		expect(screen.getByRole("status", { name: "completed" }).textContent).toBe("yes");

		// Stored on the server: the same visitor on a fresh client gets it back. (The outbox is
		// in memory here, so wait for the server's answers before dropping this client.)
		const client = clients.at(-1);
		await eventually(
			() => {
				const entries = [...(client?.outbox.state.getState().entries.values() ?? [])];
				expect(entries.map((entry) => entry.state)).toEqual(["sent", "sent"]);
			},
			{ timeoutMs: 15_000 },
		);
		first.unmount();
		renderWidget(server, <OnboardingProbe />, { storage, provider: { support } });
		await eventually(
			() => {
				expect(screen.getByRole("status", { name: "step" }).textContent).toBe("invite-team");
				expect(screen.getByRole("status", { name: "workspace" }).textContent).toBe("Acme");
			},
			{ timeoutMs: 15_000 },
		);
	});

	it("useVisitor identifies the visitor and sets contact metadata", async () => {
		renderWidget(server, <IdentifyProbe />);
		fireEvent.click(screen.getByRole("button", { name: "Identify" }));
		await eventually(
			() =>
				expect(screen.getByRole("status", { name: "contact" }).textContent).toBe("ada@acme.com"),
			{ timeoutMs: 15_000 },
		);
		fireEvent.click(screen.getByRole("button", { name: "Upgrade" }));
		await eventually(() =>
			expect(screen.getByRole("status", { name: "sent" }).textContent).toBe("true"),
		);
		// The contact's profile comes back through the visitor document.
		await eventually(
			() => expect(screen.getByRole("status", { name: "plan" }).textContent).toBe("pro"),
			{
				timeoutMs: 15_000,
			},
		);
		// Unchanged metadata: hashed, nothing sent.
		fireEvent.click(screen.getByRole("button", { name: "Upgrade" }));
		await eventually(() =>
			expect(screen.getByRole("status", { name: "sent" }).textContent).toBe("true,false"),
		);
	});
});
