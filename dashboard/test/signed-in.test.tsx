// @vitest-environment happy-dom
// A signed-in page opens its agent client from the stored session in the first render (no empty
// first frame), keeps one client through StrictMode's double render and remount, destroys it on
// sign-out, and asks the server for the role and the agents' names only when online.

import type { AgentSession, StoredAgentSession } from "@cossistant/core/agent";
import { act, cleanup, render, screen } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";

const clients = vi.hoisted(() => ({ created: 0, destroyed: 0 }));

vi.mock("@cossistant/core/agent", async (importOriginal) => ({
	...(await importOriginal<typeof import("@cossistant/core/agent")>()),
	AgentClient: class {
		constructor() {
			clients.created += 1;
		}
		destroy() {
			clients.destroyed += 1;
		}
	},
}));

vi.mock("../src/shell/workspace.tsx", async () => {
	const { useDashboard } = await import("../src/dashboard-context.tsx");
	return {
		Workspace: () => <p data-testid="workspace">{useDashboard().websiteId}</p>,
	};
});

const { App } = await import("../src/app.tsx");
const { AgentsDirectory } = await import("../src/team/agents-directory.ts");

const stored: StoredAgentSession = {
	token: "st_test",
	user: { id: "user_1", email: "nadia@example.com", name: "Nadia", role: "agent" },
	websiteIds: ["site_1"],
} as StoredAgentSession;

function fakeSession() {
	const state = createStore(() => ({ session: stored as StoredAgentSession | null }));
	return {
		state,
		get current() {
			return state.getState().session;
		},
		refresh: vi.fn(async () => null),
		clear: vi.fn(() => state.setState({ session: null })),
		// The login page's question once signed out.
		needsSetup: vi.fn(async () => false),
	};
}

function setOnline(online: boolean) {
	Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });
}

describe("the signed-in dashboard", () => {
	let agentsRefresh: ReturnType<typeof vi.spyOn>;
	beforeEach(() => {
		clients.created = 0;
		clients.destroyed = 0;
		agentsRefresh = vi.spyOn(AgentsDirectory.prototype, "refresh").mockResolvedValue();
		window.history.replaceState(null, "", "/dashboard/");
	});
	afterEach(() => {
		cleanup();
		vi.restoreAllMocks();
		setOnline(true);
		localStorage.clear();
	});

	it("opens one client in the first render, and asks the server only once back online", async () => {
		setOnline(false);
		const session = fakeSession();
		const { unmount } = render(
			<StrictMode>
				<App session={session as unknown as AgentSession} />
			</StrictMode>,
		);
		expect(screen.getByTestId("workspace").textContent).toBe("site_1");
		await act(async () => {});
		expect(clients).toEqual({ created: 1, destroyed: 0 });
		expect(session.refresh).not.toHaveBeenCalled();
		expect(agentsRefresh).not.toHaveBeenCalled();

		act(() => void window.dispatchEvent(new Event("online")));
		expect(session.refresh).toHaveBeenCalledTimes(1);
		expect(agentsRefresh).toHaveBeenCalledTimes(1);

		unmount();
		await act(async () => {});
		expect(clients).toEqual({ created: 1, destroyed: 1 });
	});

	it("online, refreshes at once; signing out destroys the client", async () => {
		const session = fakeSession();
		render(<App session={session as unknown as AgentSession} />);
		expect(session.refresh).toHaveBeenCalledTimes(1);
		expect(agentsRefresh).toHaveBeenCalledTimes(1);
		await act(async () => session.clear());
		expect(screen.queryByTestId("workspace")).toBeNull();
		expect(clients).toEqual({ created: 1, destroyed: 1 });
	});

	it("signed in on the login page: the inbox's address before the workspace shows", async () => {
		window.history.replaceState(null, "", "/dashboard/login");
		render(<App session={fakeSession() as unknown as AgentSession} />);
		await act(async () => {});
		expect(window.location.pathname).toBe("/dashboard/");
		expect(screen.getByTestId("workspace")).toBeTruthy();
	});
});
