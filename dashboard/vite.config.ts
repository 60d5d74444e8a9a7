import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The dashboard is served by the sync-server under `/dashboard/` (same origin as `/v1` and
 * `/ws`). `npm run dev -w @cossistant/dashboard` proxies both to a local server on :4000.
 */
export default defineConfig({
	base: "/dashboard/",
	// The workspace packages from their sources (what scripts/build-dashboard.mjs watches), so the
	// build never depends on a packed dist/ being present or current.
	resolve: { conditions: ["@cossistant/source", ...defaultClientConditions] },
	plugins: [
		react(),
		tailwindcss(),
		VitePWA({
			registerType: "autoUpdate",
			injectRegister: false,
			scope: "/dashboard/",
			base: "/dashboard/",
			includeAssets: ["icons/icon.svg"],
			manifest: {
				name: "Cossistant Dashboard",
				short_name: "Cossistant",
				description: "Answer your visitors, online or offline.",
				id: "/dashboard/",
				start_url: "/dashboard/",
				scope: "/dashboard/",
				display: "standalone",
				background_color: "#0f172a",
				theme_color: "#4f46e5",
				icons: [
					{ src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
					{ src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
					{
						src: "icons/icon-512-maskable.png",
						sizes: "512x512",
						type: "image/png",
						purpose: "maskable",
					},
				],
			},
			workbox: {
				// The app shell: every built asset, so the dashboard opens with the network off.
				globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
				navigateFallback: "/dashboard/index.html",
				navigateFallbackAllowlist: [/^\/dashboard\//],
				// The API and the socket are never cached by the worker: data lives in IndexedDB.
				navigateFallbackDenylist: [/^\/v1\//, /^\/ws/],
				cleanupOutdatedCaches: true,
				clientsClaim: true,
				skipWaiting: true,
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
			},
		}),
	],
	build: {
		outDir: "dist",
		emptyOutDir: true,
		sourcemap: false,
		target: "es2022",
		chunkSizeWarningLimit: 800,
	},
	server: {
		proxy: {
			"/v1": "http://127.0.0.1:4000",
			"/ws": { target: "ws://127.0.0.1:4000", ws: true },
		},
	},
});
