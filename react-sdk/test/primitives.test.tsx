// @vitest-environment happy-dom
import type { TimelineItemView } from "@cossistant/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Primitives, Support, SupportProvider } from "../src/index.ts";
import { OfflineProvider } from "./support/offline-provider.tsx";

function Composer({ sent }: { sent: string[] }) {
	const [value, setValue] = useState("");
	return (
		<Primitives.MultimodalInput
			aria-label="Message"
			value={value}
			onChange={setValue}
			onSubmit={() => {
				sent.push(value);
				setValue("");
			}}
		/>
	);
}

function ConversationPage({ params }: { params: { conversationId: string } }) {
	return <p>Conversation {params.conversationId}</p>;
}

const item = {
	id: "i1",
	conversationId: "c1",
	seq: 1,
	type: "message",
	parts: [{ type: "text", text: "<b>bold?</b>" }],
	visibility: "public",
	visitorId: null,
	userId: "u1",
	aiAgentId: null,
	createdAt: "2026-01-01T00:00:00.000Z",
	updatedAt: "2026-01-01T00:00:00.000Z",
	pending: false,
	delivery: null,
	failure: null,
	commandId: null,
} satisfies TimelineItemView;

describe("Primitives", () => {
	afterEach(() => cleanup());

	it("Trigger and Window share the widget state; Escape closes the window", () => {
		render(
			<OfflineProvider>
				<Primitives.Trigger>
					{({ isOpen, toggle, unreadCount }) => (
						<button type="button" onClick={toggle}>
							{isOpen ? "Hide" : "Help"} {unreadCount}
						</button>
					)}
				</Primitives.Trigger>
				<Primitives.Window label="Custom support">
					<p>Custom support content</p>
				</Primitives.Window>
			</OfflineProvider>,
		);
		expect(screen.queryByRole("dialog")).toBeNull();
		fireEvent.click(screen.getByRole("button", { name: "Help 0" }));
		const dialog = screen.getByRole("dialog", { name: "Custom support" });
		expect(dialog.textContent).toBe("Custom support content");
		fireEvent.keyDown(dialog, { key: "Escape" });
		expect(screen.queryByRole("dialog")).toBeNull();
		expect(screen.getByRole("button", { name: "Help 0" })).toBeTruthy();
	});

	it("MultimodalInput sends on Enter and keeps Shift+Enter for new lines", () => {
		const sent: string[] = [];
		render(<Composer sent={sent} />);
		const input = screen.getByRole("textbox", { name: "Message" });
		fireEvent.change(input, { target: { value: "line one" } });
		fireEvent.keyDown(input, { key: "Enter", shiftKey: true });
		expect(sent).toEqual([]);
		fireEvent.keyDown(input, { key: "Enter" });
		expect(sent).toEqual(["line one"]);
		expect((input as HTMLTextAreaElement).value).toBe("");
	});

	it("FileInput hands over picked and dropped files", () => {
		const picked: string[] = [];
		const { container } = render(
			<Primitives.FileInput onFilesSelected={(files) => picked.push(...files.map((f) => f.name))}>
				{({ open }) => (
					<button type="button" onClick={open}>
						Attach
					</button>
				)}
			</Primitives.FileInput>,
		);
		const input = container.querySelector("input[type=file]") as HTMLInputElement;
		fireEvent.change(input, {
			target: { files: [new File(["a"], "a.txt", { type: "text/plain" })] },
		});
		const zone = container.firstElementChild as HTMLElement;
		fireEvent.drop(zone, {
			dataTransfer: { files: [new File(["b"], "b.png", { type: "image/png" })], types: ["Files"] },
		});
		expect(picked).toEqual(["a.txt", "b.png"]);
	});

	it("TimelineItem renders text as text with its data attributes; Avatar falls back to initials", () => {
		render(
			<OfflineProvider>
				<Primitives.TimelineItem item={item} data-testid="item" />
				<Primitives.Avatar name="Sarah Connor" />
				<Primitives.Avatar name="Kyle" src="javascript:alert(1)" />
			</OfflineProvider>,
		);
		const node = screen.getByTestId("item");
		expect(node.textContent).toBe("<b>bold?</b>");
		expect(node.querySelector("b")).toBeNull();
		expect(node.dataset).toMatchObject({ type: "message", sender: "agent" });
		expect(screen.getByRole("img", { name: "Sarah Connor" }).textContent).toBe("SC");
		expect(screen.getByRole("img", { name: "Kyle" }).tagName).toBe("SPAN");
	});

	it("Router renders the current page with its params, or the fallback", () => {
		const pages = [{ name: "CONVERSATION" as const, component: ConversationPage }];
		const { rerender } = render(
			<Primitives.Router
				current={{ page: "CONVERSATION", params: { conversationId: "c9" } }}
				pages={pages}
			/>,
		);
		expect(screen.getByText("Conversation c9")).toBeTruthy();
		rerender(
			<Primitives.Router current={{ page: "HOME" }} pages={pages} fallback={<p>Nothing here</p>} />,
		);
		expect(screen.getByText("Nothing here")).toBeTruthy();
	});

	it("TypingIndicator is an empty live region until someone types", () => {
		const { rerender, container } = render(<Primitives.TypingIndicator typing={[]} />);
		expect(container.textContent).toBe("");
		rerender(
			<Primitives.TypingIndicator typing={[{ principal: "user:1", name: "Sarah" }]}>
				{([first]) => `${first?.name} is typing…`}
			</Primitives.TypingIndicator>,
		);
		expect(container.textContent).toBe("Sarah is typing…");
		expect(container.firstElementChild?.getAttribute("aria-live")).toBe("polite");
	});

	it("a provider without a public key shows the configuration error in the window", async () => {
		render(
			<SupportProvider>
				<Support defaultOpen />
			</SupportProvider>,
		);
		// The window's pages are a lazy chunk: its import may take seconds on a busy machine.
		expect((await screen.findByRole("alert", {}, { timeout: 10_000 })).textContent).toMatch(
			/^Support is not configured: .*public key/,
		);
	});
});
