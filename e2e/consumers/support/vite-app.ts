import { join } from "node:path";
import {
	type AppServer,
	assertInstalledFromTarballs,
	buildAndPack,
	lockedVersion,
	npmInstall,
	outsideWorkspace,
	run,
	serve,
	writeFiles,
} from "./consumer.ts";

/** The connection values an app is built with (the server's demo public key and its URL). */
export interface ApiEnv {
	publicKey: string;
	apiUrl: string;
}

/** A Vite + React + TypeScript app installed from the packed tarballs. */
export interface ViteConsumer {
	dir: string;
	/** `npm run build` (`tsc -b && vite build`) with `.env` pointing at `api`. */
	build(api: ApiEnv): Promise<string>;
	/** `vite preview` of `dist/` on a free loopback port. */
	preview(): Promise<AppServer>;
}

// The react-ts template's tsconfig files as `npm create vite@latest -- --template react-ts`
// (create-vite 9) writes them.
const TSCONFIG = {
	files: [],
	references: [{ path: "./tsconfig.app.json" }, { path: "./tsconfig.node.json" }],
};
const TSCONFIG_APP = {
	compilerOptions: {
		tsBuildInfoFile: "./node_modules/.tmp/tsconfig.app.tsbuildinfo",
		target: "es2023",
		lib: ["ES2023", "DOM"],
		module: "esnext",
		types: ["vite/client"],
		allowArbitraryExtensions: true,
		skipLibCheck: true,
		moduleResolution: "bundler",
		allowImportingTsExtensions: true,
		verbatimModuleSyntax: true,
		moduleDetection: "force",
		noEmit: true,
		jsx: "react-jsx",
		noUnusedLocals: true,
		noUnusedParameters: true,
		erasableSyntaxOnly: true,
		noFallthroughCasesInSwitch: true,
	},
	include: ["src"],
};
const TSCONFIG_NODE = {
	compilerOptions: {
		tsBuildInfoFile: "./node_modules/.tmp/tsconfig.node.tsbuildinfo",
		target: "es2023",
		lib: ["ES2023"],
		types: ["node"],
		skipLibCheck: true,
		module: "nodenext",
		allowImportingTsExtensions: true,
		verbatimModuleSyntax: true,
		moduleDetection: "force",
		noEmit: true,
		noUnusedLocals: true,
		noUnusedParameters: true,
		erasableSyntaxOnly: true,
		noFallthroughCasesInSwitch: true,
	},
	include: ["vite.config.ts"],
};

const VITE_CONFIG = `import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
})
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Vite + React + TS</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;

const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#646cff"/></svg>
`;

// The React Quickstart, steps 3 to 5 (plain CSS styling).
const MAIN_TSX = `import React from "react";
import ReactDOM from "react-dom/client";
import { SupportProvider } from "@cossistant/react";
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
`;

const APP_TSX = `import { Support } from "@cossistant/react";

export default function App() {
  return (
    <div>
      <h1>You are ready to chat</h1>
      <Support />
    </div>
  );
}
`;

const INDEX_CSS = `body {
  margin: 0;
  font-family: system-ui, sans-serif;
}
`;

/**
 * Creates the docs' React Quickstart as a fresh Vite react-ts app in a temporary folder outside
 * the repository, installs the packed `@cossistant/react` (and its dependencies' tarballs) with
 * React, Vite and TypeScript at the repository's locked versions, and checks the install.
 */
export async function createViteConsumer(): Promise<ViteConsumer> {
	const dir = outsideWorkspace("cossistant-vite-consumer-");
	const tarballs = buildAndPack(join(dir, ".packs"));
	const file = (path: string) => `file:${path}`;
	writeFiles(dir, {
		"package.json": `${JSON.stringify(
			{
				name: "vite-react-typescript-starter",
				private: true,
				version: "0.0.0",
				type: "module",
				scripts: { dev: "vite", build: "tsc -b && vite build", preview: "vite preview" },
				dependencies: {
					"@cossistant/core": file(tarballs["@cossistant/core"]),
					"@cossistant/react": file(tarballs["@cossistant/react"]),
					"@cossistant/types": file(tarballs["@cossistant/types"]),
					react: lockedVersion("react"),
					"react-dom": lockedVersion("react-dom"),
				},
				devDependencies: {
					"@types/node": lockedVersion("@types/node"),
					"@types/react": lockedVersion("@types/react"),
					"@types/react-dom": lockedVersion("@types/react-dom"),
					"@vitejs/plugin-react": lockedVersion("@vitejs/plugin-react"),
					typescript: lockedVersion("typescript"),
					vite: lockedVersion("vite"),
				},
			},
			null,
			2,
		)}\n`,
		"tsconfig.json": `${JSON.stringify(TSCONFIG, null, 2)}\n`,
		"tsconfig.app.json": `${JSON.stringify(TSCONFIG_APP, null, 2)}\n`,
		"tsconfig.node.json": `${JSON.stringify(TSCONFIG_NODE, null, 2)}\n`,
		"vite.config.ts": VITE_CONFIG,
		"index.html": INDEX_HTML,
		"public/favicon.svg": FAVICON_SVG,
		"src/main.tsx": MAIN_TSX,
		"src/App.tsx": APP_TSX,
		"src/index.css": INDEX_CSS,
	});
	await npmInstall(dir);
	assertInstalledFromTarballs(dir, ["@cossistant/types", "@cossistant/core", "@cossistant/react"]);
	return {
		dir,
		async build(api) {
			writeFiles(dir, {
				".env": `VITE_COSSISTANT_API_KEY=${api.publicKey}\nVITE_COSSISTANT_API_URL=${api.apiUrl}\n`,
			});
			return run(dir, "npm", ["run", "build"]);
		},
		preview: () =>
			serve(dir, "node_modules/vite/bin/vite.js", (port) => [
				"preview",
				"--host",
				"127.0.0.1",
				"--port",
				String(port),
				"--strictPort",
			]),
	};
}
