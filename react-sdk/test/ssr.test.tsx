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
	const { isLoading, isOpen } = useSupport();
	return <output>{`${isLoading ? "loading" : "ready"} ${isOpen ? "open" : "closed"}`}</output>;
}

describe("server rendering", () => {
	it("renders the widget without a window and without touching the network", () => {
		expect(typeof window).toBe("undefined");
		const html = renderToString(
			<SupportProvider publicKey="pk_test_ssr" apiUrl="http://127.0.0.1:9/v1">
				<SupportConfig quickOptions={["How does billing work?"]} />
				<IdentifySupportVisitor externalId="user_1" />
				<Status />
				<Support defaultOpen />
			</SupportProvider>,
		);
		expect(html).toContain("co-trigger");
		expect(html).toContain('role="dialog"');
		expect(html).toContain("How can we help?");
		// Outside <Support>, `defaultOpen` applies after mount, on the server and the client alike
		// (so hydration matches); inside it the window renders open at once.
		expect(html).toContain("loading closed");
	});

	it("shows a configuration error instead of throwing when no key is found", () => {
		const html = renderToString(
			<SupportProvider>
				<Support defaultOpen />
			</SupportProvider>,
		);
		expect(html).toContain("Support is not configured");
	});

	it("renders the locale, copy overrides and forced theme", () => {
		const html = renderToString(
			<SupportProvider publicKey="pk_test_ssr" apiUrl="http://127.0.0.1:9/v1">
				<Support
					defaultOpen
					locale="fr"
					theme="dark"
					content={{ "common.actions.askQuestion": { en: "Reach out", fr: "Contactez-nous" } }}
				/>
			</SupportProvider>,
		);
		expect(html).toContain("Comment pouvons-nous vous aider ?");
		expect(html).toContain('data-key-name="common.actions.askQuestion">Contactez-nous<');
		expect(html).toContain('aria-label="Fermer le support"');
		expect(html).toContain('data-color-scheme="dark"');
	});
});
