// @vitest-environment happy-dom
import type { TimelineItemView } from "@cossistant/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Primitives, useSupport } from "../src/index.ts";
import { OfflineProvider } from "./support/offline-provider.tsx";

// The documented parts of the Primitives: timeline loading / empty / container, item content
// and timestamp, group header / avatar / content, avatar image and fallback, Config, FileInput's
// maxFiles and TypingIndicator's participants.

const message = (id: string, text: string): TimelineItemView => ({
	id,
	conversationId: "c1",
	seq: 1,
	type: "message",
	parts: [{ type: "text", text }],
	visibility: "public",
	visitorId: null,
	userId: "u1",
	aiAgentId: null,
	createdAt: "2026-01-01T09:05:00.000Z",
	updatedAt: "2026-01-01T09:05:00.000Z",
	pending: false,
	delivery: null,
	failure: null,
	commandId: null,
});

function Timeline({ items, isLoading }: { items: TimelineItemView[]; isLoading?: boolean }) {
	return (
		<Primitives.ConversationTimeline aria-label="Messages" isLoading={isLoading}>
			<Primitives.ConversationTimelineLoading>
				Loading messages
			</Primitives.ConversationTimelineLoading>
			<Primitives.ConversationTimelineEmpty>No messages yet</Primitives.ConversationTimelineEmpty>
			<Primitives.ConversationTimelineContainer data-testid="container">
				{items.map((item) => (
					<Primitives.TimelineItem key={item.id} item={item} />
				))}
			</Primitives.ConversationTimelineContainer>
		</Primitives.ConversationTimeline>
	);
}

function QuickOptions() {
	const { quickOptions, defaultMessages } = useSupport();
	return (
		<output>
			{quickOptions.join(", ")} / {defaultMessages.map((m) => `${m.senderType}: ${m.content}`)}
		</output>
	);
}

function PictureAvatar({ src, statuses }: { src: string; statuses: string[] }) {
	return (
		<Primitives.Avatar data-testid="avatar">
			<Primitives.AvatarImage
				src={src}
				alt="Sarah Connor"
				onLoadingStatusChange={(status) => statuses.push(status)}
			/>
			<Primitives.AvatarFallback>SC</Primitives.AvatarFallback>
		</Primitives.Avatar>
	);
}

describe("Primitives' parts", () => {
	afterEach(() => cleanup());

	it("the timeline shows its loading state, then its empty state, then the container's items", () => {
		const { rerender } = render(
			<OfflineProvider>
				<Timeline items={[]} isLoading />
			</OfflineProvider>,
		);
		const log = screen.getByRole("log", { name: "Messages" });
		expect(log.getAttribute("aria-busy")).toBe("true");
		expect(screen.getByRole("status").textContent).toBe("Loading messages");
		expect(screen.queryByText("No messages yet")).toBeNull();

		rerender(
			<OfflineProvider>
				<Timeline items={[]} />
			</OfflineProvider>,
		);
		// Emptiness comes from what the container renders (the timeline got no `items` prop).
		expect(screen.getByRole("status").textContent).toBe("No messages yet");
		expect(screen.queryByText("Loading messages")).toBeNull();

		rerender(
			<OfflineProvider>
				<Timeline items={[message("m1", "Hello"), message("m2", "Anyone there?")]} />
			</OfflineProvider>,
		);
		expect(screen.queryByRole("status")).toBeNull();
		expect(screen.getByTestId("container").textContent).toBe("HelloAnyone there?");
	});

	it("the timeline's items prop drives the empty state and its render function", () => {
		render(
			<OfflineProvider>
				<Primitives.ConversationTimeline items={[]}>
					{({ isEmpty, itemCount }) => `empty: ${isEmpty}, count: ${itemCount}`}
				</Primitives.ConversationTimeline>
			</OfflineProvider>,
		);
		expect(screen.getByRole("log").textContent).toBe("empty: true, count: 0");
	});

	it("an item's content and timestamp parts read the item: text as text, a machine-readable time", () => {
		render(
			<OfflineProvider>
				<Primitives.TimelineItem item={message("m1", "<b>bold?</b>")} data-testid="item">
					<Primitives.TimelineItemContent data-testid="content" />
					<Primitives.TimelineItemTimestamp format={(date) => `at ${date.getUTCHours()}h`} />
				</Primitives.TimelineItem>
			</OfflineProvider>,
		);
		const content = screen.getByTestId("content");
		expect(content.textContent).toBe("<b>bold?</b>");
		expect(content.querySelector("b")).toBeNull();
		const time = screen.getByTestId("item").querySelector("time");
		expect(time?.getAttribute("dateTime")).toBe("2026-01-01T09:05:00.000Z");
		expect(time?.textContent).toBe("at 9h");
	});

	it("without an item, the item and its parts show what they are given", () => {
		render(
			<OfflineProvider>
				<Primitives.TimelineItem data-testid="item">
					<Primitives.TimelineItemContent>Written by hand</Primitives.TimelineItemContent>
					<Primitives.TimelineItemTimestamp>2026-01-01T09:05:00Z</Primitives.TimelineItemTimestamp>
				</Primitives.TimelineItem>
			</OfflineProvider>,
		);
		const item = screen.getByTestId("item");
		expect(item.textContent).toBe("Written by hand2026-01-01T09:05:00Z");
		expect(item.querySelector("time")?.hasAttribute("dateTime")).toBe(false);
	});

	it("a group names itself after its sender; its header, avatar and content parts", () => {
		render(
			<Primitives.TimelineItemGroup senderName="Sarah Connor">
				<Primitives.TimelineItemGroupHeader data-testid="header">
					<Primitives.TimelineItemGroupAvatar data-testid="avatar" />
					<span>Sarah</span>
				</Primitives.TimelineItemGroupHeader>
				<Primitives.TimelineItemGroupContent data-testid="content">
					<p>First</p>
					<p>Second</p>
				</Primitives.TimelineItemGroupContent>
			</Primitives.TimelineItemGroup>,
		);
		const group = screen.getByRole("group", { name: "Sarah Connor" });
		expect(group.dataset.sender).toBe("agent");
		const avatar = screen.getByTestId("avatar");
		// Initials from the group's sender, hidden from assistive technology (the group is named).
		expect(avatar.textContent).toBe("SC");
		expect(avatar.getAttribute("aria-hidden")).toBe("true");
		expect(screen.getByTestId("header").textContent).toBe("SCSarah");
		expect(screen.getByTestId("content").children).toHaveLength(2);
	});

	it("a group header without children shows the sender's name", () => {
		render(
			<Primitives.TimelineItemGroup senderName="You" isMine>
				<Primitives.TimelineItemGroupHeader data-testid="header" />
			</Primitives.TimelineItemGroup>,
		);
		expect(screen.getByTestId("header").textContent).toBe("You");
		expect(screen.getByRole("group", { name: "You" }).dataset.sender).toBe("visitor");
	});

	it("an avatar shows its fallback until the picture loads, and again when it fails", () => {
		const statuses: string[] = [];
		const { container, rerender } = render(
			<PictureAvatar src="https://example.com/sarah.png" statuses={statuses} />,
		);
		const img = container.querySelector("img") as HTMLImageElement;
		// Fetched at once, hidden until loaded; the fallback is named after the picture's alt.
		expect(img.hidden).toBe(true);
		expect(screen.getByRole("img", { name: "Sarah Connor" }).textContent).toBe("SC");
		expect(screen.getByTestId("avatar").dataset.status).toBe("loading");

		fireEvent.load(img);
		expect(img.hidden).toBe(false);
		expect(screen.queryByText("SC")).toBeNull();
		expect(screen.getByRole("img", { name: "Sarah Connor" })).toBe(img);
		expect(screen.getByTestId("avatar").dataset.status).toBe("loaded");

		rerender(<PictureAvatar src="https://example.com/broken.png" statuses={statuses} />);
		fireEvent.error(container.querySelector("img") as HTMLImageElement);
		expect(container.querySelector("img")).toBeNull();
		expect(screen.getByText("SC")).toBeTruthy();
		expect(statuses).toEqual(["loading", "loaded", "loading", "error"]);
	});

	it("an avatar picture that is not http(s) never loads: the fallback's initials stay", () => {
		const { container } = render(
			<Primitives.Avatar name="Kyle Reese">
				<Primitives.AvatarImage src="javascript:alert(1)" alt="Kyle Reese" />
				<Primitives.AvatarFallback />
			</Primitives.Avatar>,
		);
		expect(container.querySelector("img")).toBeNull();
		expect(screen.getByRole("img", { name: "Kyle Reese" }).textContent).toBe("KR");
	});

	it("Config sets the widget's quick options and welcome messages while mounted", () => {
		const { rerender } = render(
			<OfflineProvider>
				<Primitives.Config
					quickOptions={["Pricing", "Features", "Support"]}
					defaultMessages={[{ content: "Hi! How can we help?", senderType: "ai" }]}
				/>
				<QuickOptions />
			</OfflineProvider>,
		);
		expect(screen.getByRole("status").textContent).toBe(
			"Pricing, Features, Support / ai: Hi! How can we help?",
		);
		rerender(
			<OfflineProvider>
				<QuickOptions />
			</OfflineProvider>,
		);
		expect(screen.getByRole("status").textContent).toBe(" / ");
	});

	it("FileInput hands over at most maxFiles at once and reports the rest", () => {
		const selected: string[][] = [];
		const rejected: string[][] = [];
		const { container } = render(
			<Primitives.FileInput
				onFilesSelected={(files) => selected.push(files.map((file) => file.name))}
				onFilesRejected={(files) => rejected.push(files.map((file) => file.name))}
				accept="image/*,application/pdf"
				maxFiles={2}
			/>,
		);
		const input = container.querySelector("input[type=file]") as HTMLInputElement;
		expect(input.multiple).toBe(true);
		expect(input.accept).toBe("image/*,application/pdf");
		const files = ["a.png", "b.png", "c.pdf"].map((name) => new File(["x"], name));
		fireEvent.change(input, { target: { files } });
		const zone = container.firstElementChild as HTMLElement;
		fireEvent.drop(zone, { dataTransfer: { files: files.slice(0, 1), types: ["Files"] } });
		expect(selected).toEqual([["a.png", "b.png"], ["a.png"]]);
		expect(rejected).toEqual([["c.pdf"]]);
	});

	it("FileInput without children is a button that opens the picker", () => {
		const { container } = render(<Primitives.FileInput onFilesSelected={() => {}} maxFiles={1} />);
		const input = container.querySelector("input[type=file]") as HTMLInputElement;
		expect(input.multiple).toBe(false);
		const click = vi.spyOn(input, "click");
		fireEvent.click(screen.getByRole("button", { name: "Attach files" }));
		expect(click).toHaveBeenCalledTimes(1);
	});

	it("TypingIndicator says who of its participants is typing, in the widget's copy", () => {
		const { container, rerender } = render(
			<Primitives.TypingIndicator participants={[{ id: "1", name: "Alice", type: "user" }]} />,
		);
		const region = container.firstElementChild as HTMLElement;
		expect(region.getAttribute("aria-live")).toBe("polite");
		expect(region.textContent).toBe("Alice is typing…");
		expect(region.dataset.typing).toBe("true");
		rerender(<Primitives.TypingIndicator participants={[{ id: "ai-1", type: "ai" }]} />);
		expect(region.textContent).toBe("Support is typing…");
		rerender(<Primitives.TypingIndicator participants={[]} />);
		expect(region.textContent).toBe("");
		expect(region.dataset.typing).toBeUndefined();
	});
});
