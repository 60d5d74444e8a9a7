// A host page's entry as the docs' React Quickstart writes it: the provider and <Support />.
import { createRoot } from "react-dom/client";
import { Support, SupportProvider } from "../../src/index.ts";

const root = document.getElementById("root");
if (root) {
	createRoot(root).render(
		<SupportProvider>
			<Support />
		</SupportProvider>,
	);
}
