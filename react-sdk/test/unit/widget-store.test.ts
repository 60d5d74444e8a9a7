import { describe, expect, it } from "vitest";
import { createSupportHandle } from "../../src/widget/support-handle.ts";
import { createWidgetStore, selectIsOpen } from "../../src/widget/widget-store.ts";

describe("widget store", () => {
	it("navigates with history, replaces without it and goes back", () => {
		const widget = createWidgetStore();
		widget.actions.navigate({ page: "CONVERSATION_HISTORY" });
		widget.actions.navigate({ page: "CONVERSATION", params: { conversationId: "c1" } });
		widget.actions.replace({ page: "CONVERSATION", params: { conversationId: "c2" } });
		expect(widget.getState().navigation).toEqual({
			current: { page: "CONVERSATION", params: { conversationId: "c2" } },
			previousPages: [{ page: "HOME" }, { page: "CONVERSATION_HISTORY" }],
		});
		widget.actions.goBack();
		widget.actions.goBack();
		widget.actions.goBack();
		expect(widget.getState().navigation).toEqual({ current: { page: "HOME" }, previousPages: [] });
	});

	it("applies defaultOpen once, and asks the host instead of changing state when controlled", () => {
		const widget = createWidgetStore();
		widget.actions.initOpen(true);
		widget.actions.initOpen(false);
		expect(selectIsOpen(widget.getState())).toBe(true);
		widget.actions.toggle();
		expect(selectIsOpen(widget.getState())).toBe(false);

		const asked: boolean[] = [];
		widget.actions.setControl({ open: true, onOpenChange: (open) => asked.push(open) });
		expect(selectIsOpen(widget.getState())).toBe(true);
		widget.actions.toggle();
		widget.actions.open();
		expect(asked).toEqual([false, true]);
		expect(widget.getState().isOpen).toBe(false);
	});

	it("gives a handle that opens a new conversation with its first message", () => {
		const widget = createWidgetStore();
		const handle = createSupportHandle(widget.actions);
		handle.startConversation("I need help");
		expect(selectIsOpen(widget.getState())).toBe(true);
		expect(widget.getState().navigation.current).toEqual({
			page: "CONVERSATION",
			params: { conversationId: "__pending__", initialMessage: "I need help" },
		});
		handle.goHome();
		expect(widget.getState().navigation.current).toEqual({ page: "HOME" });
	});

	it("keeps one store per instance (no module-level state)", () => {
		const a = createWidgetStore();
		const b = createWidgetStore();
		a.actions.open();
		expect(b.getState().isOpen).toBeNull();
	});

	it("keeps a draft per conversation and forgets it once emptied", () => {
		const widget = createWidgetStore();
		widget.actions.setDraft("c1", "half-written");
		widget.actions.setDraft("c2", "another");
		expect(widget.getState().drafts).toEqual({ c1: "half-written", c2: "another" });
		const before = widget.getState();
		widget.actions.setDraft("c1", "half-written");
		expect(widget.getState()).toBe(before);
		widget.actions.setDraft("c1", "");
		expect(widget.getState().drafts).toEqual({ c2: "another" });
	});
});
