// The docs' React Quickstart as a host page: SupportProvider around the app, the plain-CSS
// theme, <Support /> rendered by App. Settings come from the URL so one bundle serves every test.
import { createRoot } from "react-dom/client";
import { Support, SupportProvider } from "../../src/index.ts";
import "../../src/styles/styles.css";

const params = new URLSearchParams(location.search);

function App() {
	return (
		<div>
			<h1>You are ready to chat</h1>
			<Support locale={params.get("locale") ?? undefined} />
		</div>
	);
}

if (params.get("dark") === "1") document.documentElement.classList.add("dark");

const root = document.getElementById("root");
if (!root) throw new Error("no #root");
createRoot(root).render(
	<SupportProvider
		publicKey={params.get("publicKey") ?? undefined}
		apiUrl={params.get("apiUrl") ?? undefined}
	>
		<App />
	</SupportProvider>,
);
