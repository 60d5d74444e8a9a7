// A host page's entry as the docs' React Quickstart writes it (main.tsx + App.tsx): the plain-CSS
// theme, SupportProvider and a zero-config <Support />. What the widget-size scenario measures.
import "@cossistant/react/styles.css";
import { Support, SupportProvider } from "@cossistant/react";
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) {
	createRoot(root).render(
		<SupportProvider>
			<Support />
		</SupportProvider>,
	);
}
