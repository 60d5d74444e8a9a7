/** Where the dashboard lives and which server it talks to. */
export const BASE_PATH = "/dashboard/";

/**
 * The REST base. The sync-server serves the dashboard itself, so the API is on this origin
 * (`/v1`, WebSocket `/ws`); `VITE_COSSISTANT_API_URL` points a separately hosted build elsewhere.
 */
export function apiUrl(): string {
	const configured = import.meta.env.VITE_COSSISTANT_API_URL;
	if (configured) return configured.replace(/\/+$/, "");
	return `${window.location.origin}/v1`;
}

/**
 * Base URL of this repository's `docs/` folder as published (e.g. the repository's web view),
 * from `VITE_COSSISTANT_DOCS_URL`; `null` when not set, and the dashboard then names the docs
 * page in plain text instead of linking to it.
 */
export function docsBaseUrl(): string | null {
	const configured = import.meta.env.VITE_COSSISTANT_DOCS_URL;
	return configured ? configured.replace(/\/+$/, "") : null;
}

/** localStorage key of the website an agent of several websites works in. */
export const WEBSITE_KEY = "cossistant:dashboard-website";
