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

/** localStorage key of the website an agent of several websites works in. */
export const WEBSITE_KEY = "cossistant:dashboard-website";
