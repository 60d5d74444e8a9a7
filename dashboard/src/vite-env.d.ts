/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
	/** REST base of the sync-server; defaults to this origin's `/v1`. */
	readonly VITE_COSSISTANT_API_URL?: string;
	/** Published `docs/` folder of the repository, for "Learn how" links; plain text without it. */
	readonly VITE_COSSISTANT_DOCS_URL?: string;
}
