// React Quickstart, step 3: src/main.tsx.

import { SupportProvider } from "@cossistant/react";
import React from "react";
import ReactDOM from "react-dom/client";
import App from "./App";
import "./index.css";

ReactDOM.createRoot(document.getElementById("root")!).render(
	<React.StrictMode>
		<SupportProvider>
			<App />
		</SupportProvider>
	</React.StrictMode>,
);
