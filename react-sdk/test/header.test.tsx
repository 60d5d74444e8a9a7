// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Header, useSupportNavigation } from "../src/index.ts";
import { OfflineProvider } from "./support/offline-provider.tsx";

let navigateTo: ReturnType<typeof useSupportNavigation>["navigate"] | null = null;

function Navigator() {
	navigateTo = useSupportNavigation().navigate;
	return null;
}

describe("<Header>", () => {
	afterEach(() => cleanup());

	it("makes a text title the window's heading, with back and close buttons", () => {
		render(
			<OfflineProvider>
				<Navigator />
				<Header>Settings</Header>
			</OfflineProvider>,
		);
		act(() => navigateTo?.({ page: "ARTICLES" }));
		expect(screen.getByRole("heading", { level: 2, name: "Settings" })).toBeTruthy();
		expect(screen.getByRole("button", { name: "Back" })).toBeTruthy();
		expect(screen.getByRole("button", { name: "Close" })).toBeTruthy();
	});

	it("keeps the page's own heading and back button (Routing & Pages), adding only close", () => {
		render(
			<OfflineProvider>
				<Navigator />
				<Header>
					<button type="button">← Back</button>
					<h1>Settings</h1>
				</Header>
			</OfflineProvider>,
		);
		act(() => navigateTo?.({ page: "ARTICLES" }));
		expect(screen.getAllByRole("heading").map((heading) => heading.tagName)).toEqual(["H1"]);
		expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual([
			"← Back",
			"",
		]);
		expect(screen.getByRole("button", { name: "Close" })).toBeTruthy();
	});
});
