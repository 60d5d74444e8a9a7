import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { REPO_ROOT } from "./support/next-app.ts";

// @cossistant/next imported the way a Server Component imports it: Node.js with the
// `react-server` condition (React's server build, `server-only` allowed) and "use client" modules
// replaced by client references, as Next.js' server layer does (fixtures/client-reference-hooks.mjs).

const run = promisify(execFile);
const IDENTITY_SECRET = "rsc-identity-secret-canary-0123456789";

async function nodeJson<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
	const { stdout } = await run(
		process.execPath,
		["--conditions=@cossistant/source", "--import", "tsx", ...args],
		{ cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
	);
	return JSON.parse(stdout) as T;
}

interface ServerView {
	exports: string[];
	clientReferences: string[];
	primitives: Array<{ name: string; clientReference: boolean }>;
	supportSubpath: Array<{ name: string; clientReference: boolean }>;
	serverSubpath: string[];
	createSupport: unknown;
	expectedSignature: string;
	flight: string;
	unsignedFlight: string;
}

test("@cossistant/next imports under react-server and its IdentifySupportVisitor signs on the server", async () => {
	const [view, reactExports] = await Promise.all([
		nodeJson<ServerView>(
			[
				"--conditions=react-server",
				"--import",
				"./e2e/next/fixtures/register-client-references.mjs",
				"e2e/next/fixtures/react-server-import.tsx",
			],
			{ COSSISTANT_IDENTITY_SECRET: IDENTITY_SECRET },
		),
		nodeJson<string[]>(["e2e/next/fixtures/react-exports.ts"]),
	]);

	// Everything @cossistant/react exports, nothing missing.
	expect(view.exports).toEqual(reactExports);
	// Components and hooks are client references; these three are usable on the server.
	expect(view.exports.filter((name) => !view.clientReferences.includes(name))).toEqual([
		"IdentifySupportVisitor",
		"Primitives",
		"createSupport",
	]);
	expect(view.createSupport).toEqual({ featureFlags: ["beta"], onboarding: { steps: [] } });
	expect(view.primitives.length).toBeGreaterThan(5);
	expect(view.primitives.every((primitive) => primitive.clientReference)).toBe(true);
	expect(view.supportSubpath.map((entry) => entry.name)).toEqual(
		expect.arrayContaining([
			"useSupportEvents",
			"useSupportEventEmitter",
			"useSupportText",
			"Text",
		]),
	);
	expect(view.supportSubpath.every((entry) => entry.clientReference)).toBe(true);
	expect(view.serverSubpath).toContain("createIdentitySignature");

	// What the browser receives: the client part with the parameters and the HMAC, never the secret.
	expect(view.flight).toContain(`"signature":"${view.expectedSignature}"`);
	expect(view.flight).toContain('"externalId":"user_rsc"');
	expect(view.flight).not.toContain(IDENTITY_SECRET);
	// React's development build also sent the component's props and awaited I/O (DevTools):
	// the check above covered that channel too.
	expect(view.flight).toContain('"name":"IdentifySupportVisitor"');
	expect(view.flight).toContain('"props":{"externalId":"user_rsc"');
	expect(view.unsignedFlight).toContain('"externalId":"user_rsc"');
	expect(view.unsignedFlight).not.toContain('"signature"');
});
