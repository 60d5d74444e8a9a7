// @vitest-environment happy-dom
// What the default widget shows against a real sync-server: the team and its reply time on the
// home page, messages grouped with their author, delivery marks, attachments as thumbnails and
// chips, and a composer of icon buttons that says when a message could not be sent.
import { cleanup, fireEvent, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { EXE, png } from "../../sync-server/test/support/upload-payloads.ts";
import { Support } from "../src/index.ts";
import { connectAgent, type TestAgent } from "./support/agent.ts";
import { openWidget, renderWidget } from "./support/render-widget.tsx";
import { startWidgetServer, type WidgetServer } from "./support/widget-server.ts";

/** Any emoji: the widget draws its icons as SVG, never as glyphs a system may lack. */
const EMOJI = /\p{Extended_Pictographic}/u;

describe("the default widget's look", () => {
	let server: WidgetServer;
	let agent: TestAgent;
	let websiteId: string;

	/** A team REST call as the demo admin. */
	async function asAdmin(path: string, method: string, body: unknown) {
		const response = await fetch(`${server.demo.apiUrl}${path}`, {
			method,
			headers: {
				"content-type": "application/json",
				authorization: `Bearer ${agent.session.token}`,
			},
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	}

	beforeAll(async () => {
		server = await startWidgetServer();
		agent = await connectAgent(server);
		websiteId = agent.session.websiteIds[0] ?? "";
		for (const name of ["Ava", "Bo", "Cy"]) {
			await asAdmin(`/websites/${websiteId}/ai-agents`, "POST", { name });
		}
		await asAdmin(`/websites/${websiteId}/settings`, "PATCH", { replyTimeMinutes: 15 });
	}, 120_000);
	afterEach(() => cleanup());
	afterAll(async () => {
		agent?.destroy();
		await server?.stop();
	});

	function attach(dialog: HTMLElement, files: File[]) {
		const input = dialog.querySelector<HTMLInputElement>("input[type=file]");
		if (!input) throw new Error("no file input");
		fireEvent.change(input, { target: { files } });
	}

	it("shows three of the team, humans first, and the website's reply time on the home page", async () => {
		renderWidget(server, <Support />);
		const dialog = await openWidget();
		const team = await within(dialog).findByRole("list", { name: "Support team" });
		const faces = within(team).getAllByRole("listitem");
		expect(faces).toHaveLength(3);
		expect(within(faces[0] as HTMLElement).getByRole("img", { name: "Demo Admin" })).toBeTruthy();
		expect(within(faces[1] as HTMLElement).getByRole("img", { name: "Ava" })).toBeTruthy();
		expect(within(dialog).getByText("We usually reply in 15 minutes")).toBeTruthy();

		const greeting = dialog.querySelector("[data-key-name='page.home.greeting']");
		expect(greeting?.textContent).toMatch(/^(Hi there|Good evening)$/);
		expect(dialog.textContent).not.toMatch(EMOJI);
	});

	it("groups messages with their author, marks delivery, and shows attachments", async () => {
		const starts: string[] = [];
		renderWidget(
			server,
			<Support onConversationStart={({ conversationId }) => starts.push(conversationId)} />,
		);
		const dialog = await openWidget();
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		const input = await within(dialog).findByRole("textbox", { name: "Message" });

		const attachButton = within(dialog).getByRole("button", { name: "Attach files" });
		expect(attachButton.textContent).toBe("");
		expect(attachButton.querySelector("svg")).not.toBeNull();
		attach(dialog, [
			new File([Uint8Array.from(png(40, 30))], "pixel.png", { type: "image/png" }),
			new File(["order 1234\n"], "notes.txt", { type: "text/plain" }),
		]);
		const chip = within(dialog).getByRole("button", { name: "Remove notes.txt" }).closest("li");
		expect(chip?.textContent).toBe("notes.txt0.1 kB");

		fireEvent.change(input, { target: { value: "Here are my files" } });
		const send = within(dialog).getByRole("button", { name: "Send" });
		expect(send.querySelector("svg")).not.toBeNull();
		fireEvent.click(send);

		// The page remounts once the first message created the conversation: query afresh.
		const stored = () => {
			const found = within(dialog)
				.getByText("Here are my files")
				.closest<HTMLElement>("[data-testid=co-message]");
			if (!found) throw new Error("no message");
			return found;
		};
		await eventually(
			() => expect(within(stored()).getByTestId("co-delivery").textContent).toBe("Sent"),
			{ timeoutMs: 15_000 },
		);
		const message = stored();
		const thumbnail = within(message).getByRole("img", { name: "pixel.png" });
		const link = thumbnail.closest("a");
		expect(link?.getAttribute("href")).toBe(thumbnail.getAttribute("src"));
		expect(link?.getAttribute("target")).toBe("_blank");
		const file = within(message).getByRole("link", { name: /notes\.txt/ });
		expect(file.textContent).toBe("notes.txt0.1 kB");
		expect(message.querySelector(".co-delivery svg")).not.toBeNull();

		// The visitor's group carries no name; the agent's has the avatar and the name.
		const mine = within(dialog).getByRole("group", { name: "You" });
		expect(mine.querySelector(".co-message-sender")).toBeNull();
		await agent.reply(starts[0] ?? "", "Got them, thanks!");
		const theirs = await within(dialog).findByRole(
			"group",
			{ name: "Demo Admin" },
			{ timeout: 15_000 },
		);
		expect(theirs.querySelector(".co-message-sender")?.textContent).toBe("Demo Admin");
		expect(theirs.querySelector(".co-avatar")?.getAttribute("aria-hidden")).toBe("true");
		expect(within(theirs).getByText("Got them, thanks!")).toBeTruthy();
		expect(dialog.textContent).not.toMatch(EMOJI);
	});

	it("says so when a message could not be sent, and gives the draft back", async () => {
		renderWidget(server, <Support />);
		const dialog = await openWidget();
		fireEvent.click(await within(dialog).findByRole("button", { name: "Ask a question" }));
		const input = await within(dialog).findByRole("textbox", { name: "Message" });
		// The server checks the bytes: a program is refused whatever its name says.
		attach(dialog, [new File([Uint8Array.from(EXE)], "report.pdf", { type: "application/pdf" })]);
		fireEvent.change(input, { target: { value: "See attached" } });
		fireEvent.click(within(dialog).getByRole("button", { name: "Send" }));
		const alert = await within(dialog).findByRole("alert", {}, { timeout: 15_000 });
		expect(alert.textContent).toBe("Your message could not be sent. Please try again.");
		expect((input as HTMLTextAreaElement).value).toBe("See attached");
		expect(within(dialog).getByRole("button", { name: "Remove report.pdf" })).toBeTruthy();
	});
});
