// React Quickstart, step 4 (plain CSS): src/main.tsx with the widget's stylesheet.

import { SupportProvider } from "@cossistant/react";
import React from "react";
import ReactDOM from "react-dom/client";
import "@cossistant/react/styles.css";
import App from "./App";
import "./index.css";

ReactDOM.createRoot(document.getElementById("root")!).render(
	<React.StrictMode>
		<SupportProvider>
			<App />
		</SupportProvider>
	</React.StrictMode>,
);
