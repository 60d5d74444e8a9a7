import { AgentSession } from "@cossistant/core/agent";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { apiUrl } from "./config.ts";
import { registerServiceWorker } from "./pwa/register.ts";
import "./styles.css";
import { Toaster } from "./ui/toaster.tsx";

performance.mark("dashboard:script-start");
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
// One session per page; it restores the stored login without a request (offline start).
const session = new AgentSession({ apiUrl: apiUrl() });
createRoot(root).render(
	<StrictMode>
		<App session={session} />
		<Toaster />
	</StrictMode>,
);
registerServiceWorker();
