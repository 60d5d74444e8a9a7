// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
	IdentifySupportVisitor,
	Support,
	SupportConfig,
	SupportProvider,
	useSupport,
} from "../src/index.ts";

function Status() {
	const { isLoading, isOpen, client } = useSupport();
	return (
		<output>{`${isLoading ? "loading" : "ready"} ${isOpen ? "open" : "closed"} ${client ? "client" : "no client"}`}</output>
	);
}

describe("server rendering", () => {
	it("renders the widget without a window, a client or the network", () => {
		expect(typeof window).toBe("undefined");
		const html = renderToString(
			<SupportProvider publicKey="pk_test_ssr" apiUrl="http://127.0.0.1:9/v1">
				<SupportConfig quickOptions={["How does billing work?"]} />
				<IdentifySupportVisitor externalId="user_1" />
				<Status />
				<Support defaultOpen locale="fr" theme="dark" />
			</SupportProvider>,
		);
		expect(html).toContain("co-trigger");
		expect(html).toContain('role="dialog"');
		expect(html).toContain('aria-label="Fermer le support"');
		expect(html).toContain('data-color-scheme="dark"');
		// The pages are a lazy chunk: the server sends the window's loading state.
		expect(html).toContain("Chargement…");
		// Outside <Support>, `defaultOpen` applies after mount, on the server and the client alike
		// (so hydration matches); the client module loads only in a browser.
		expect(html).toContain("loading closed no client");
	});
});
