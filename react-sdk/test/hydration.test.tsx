// @vitest-environment happy-dom
import { act } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToReadableStream } from "react-dom/server";
import { expect, it } from "vitest";
import { Support, SupportProvider, useSupport } from "../src/index.ts";

function Status() {
	const { isLoading, unreadCount } = useSupport();
	return <output>{`${isLoading ? "loading" : "ready"} ${unreadCount}`}</output>;
}

it("hydrates server markup without a mismatch", async () => {
	const app = (
		<SupportProvider
			publicKey="pk_test_hydration"
			clientOptions={{ fetch: () => Promise.reject(new TypeError("offline in this test")) }}
		>
			<Status />
			<Support defaultOpen locale="es" />
		</SupportProvider>
	);
	const container = document.createElement("div");
	// Streaming rendering (what Next.js and Remix use) waits for the lazy pages on the server.
	const stream = await renderToReadableStream(app);
	await stream.allReady;
	container.innerHTML = await new Response(stream).text();
	document.body.append(container);
	const errors: unknown[] = [];
	const root = await act(async () =>
		hydrateRoot(container, app, {
			onRecoverableError: (error) => errors.push(error),
		}),
	);
	expect(container.querySelector("[role=dialog]")).toBeTruthy();
	expect(container.textContent).toContain("¿Cómo podemos ayudarte?");
	expect(errors.map(String)).toEqual([]);
	await act(async () => root.unmount());
});
