import { CloseCodes } from "@cossistant/types";
import { CossistantApiError, CossistantConfigurationError } from "../errors.ts";

/** What a setup failure's message names: the client's settings and the page it runs in. */
export interface SetupContext {
	apiUrl: string;
	publicKey: string | undefined;
	/** The page's origin (`location.origin`); undefined outside a browser. */
	origin: string | undefined;
}

const KEY_VARIABLES =
	"VITE_COSSISTANT_API_KEY, NEXT_PUBLIC_COSSISTANT_API_KEY or COSSISTANT_API_KEY";
const URL_VARIABLES =
	"VITE_COSSISTANT_API_URL, NEXT_PUBLIC_COSSISTANT_API_URL or COSSISTANT_API_URL";

/**
 * Whether a bootstrap error is permanent, i.e. retrying cannot help until someone changes the
 * configuration: the key is unknown or revoked, the page's origin is not allowed, or `apiUrl`
 * answers something that is not this API (404, or a body that is not its JSON). Those become a
 * CossistantConfigurationError saying what to fix; anything else (no network, 5xx, 429, 408)
 * is transient and gives null.
 */
export function setupFailureOf(
	error: unknown,
	context: SetupContext,
): CossistantConfigurationError | null {
	if (!(error instanceof CossistantApiError)) return null;
	if (error.code === "invalid_api_key" || error.code === "missing_public_key") {
		return keyRefused(context);
	}
	if (error.code === "origin_not_allowed") return originRefused(context);
	const { status } = error;
	if (error.code === "network_error" || status >= 500 || status === 429 || status === 408) {
		return null;
	}
	if (status === 404 || error.code === "invalid_response") return wrongUrl(context, status);
	return null;
}

/**
 * The same verdict for a WebSocket close: `4401 invalid_api_key` (revoked while connected, or
 * refused at the upgrade) and `4403 origin_not_allowed` are permanent; every other close is not.
 */
export function closeFailureOf(
	code: number,
	reason: string,
	context: SetupContext,
): CossistantConfigurationError | null {
	if (
		code === CloseCodes.Unauthorized &&
		(reason === "invalid_api_key" || reason === "missing_public_key")
	) {
		return keyRefused(context);
	}
	if (code === CloseCodes.Forbidden && reason === "origin_not_allowed")
		return originRefused(context);
	return null;
}

function keyRefused({ publicKey, apiUrl }: SetupContext): CossistantConfigurationError {
	const key = publicKey ? `${publicKey.slice(0, 12)}…` : "(none)";
	return new CossistantConfigurationError(
		`Cossistant: the public key ${key} is unknown or revoked at ${apiUrl} (invalid_api_key). Copy an active public key from Settings → Developers → API keys into \`publicKey\` or ${KEY_VARIABLES}, check that apiUrl is the server that issued it, and restart the app after changing env variables.`,
		"invalid_api_key",
	);
}

function originRefused({ origin }: SetupContext): CossistantConfigurationError {
	const message =
		origin === "null"
			? "Cossistant: Domain not allowed: this page has no origin (a file:// page or a sandboxed iframe), which no website allows. Serve it from one of your Allowed domains (Settings → Developers)."
			: origin
				? `Cossistant: Domain not allowed: ${origin} is not in this website's allowed domains. Add ${origin} to Allowed domains in Settings → Developers (the protocol must match), or use a pk_test_ key on localhost.`
				: "Cossistant: Domain not allowed: the request's Origin is not in this website's allowed domains. Add the page's origin (e.g. https://shop.example) to Allowed domains in Settings → Developers.";
	return new CossistantConfigurationError(message, "origin_not_allowed");
}

function wrongUrl({ apiUrl }: SetupContext, status: number): CossistantConfigurationError {
	const answer =
		status === 404
			? "404 Not Found"
			: `${status}, with a body that is not the Cossistant API's JSON`;
	return new CossistantConfigurationError(
		`Cossistant: ${apiUrl} is not a Cossistant API (GET ${apiUrl}/websites answered ${answer}). Set \`apiUrl\` or ${URL_VARIABLES} to your Cossistant server's REST base, ending in /v1.`,
		"wrong_api_url",
	);
}
