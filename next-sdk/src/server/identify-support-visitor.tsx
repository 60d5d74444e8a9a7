import "server-only";
import type { IdentifyParams } from "@cossistant/types";
import { IdentifySupportVisitor as IdentifyOnClient } from "../client.ts";
import { createIdentitySignature, signedValueOf } from "./identity-signature.ts";

/** The environment variable the identity secret is read from when no prop gives it. */
export const IDENTITY_SECRET_ENV = "COSSISTANT_IDENTITY_SECRET";

/**
 * Props of the Server Component `<IdentifySupportVisitor>`: `identify()`'s. A `signature` given
 * here is used only when `COSSISTANT_IDENTITY_SECRET` is not set; with it, the computed one wins.
 *
 * There is deliberately no prop for the secret: in development React sends a Server Component's
 * props to the browser (for React DevTools), so a secret passed as a prop would leak there.
 */
export type ServerIdentifySupportVisitorProps = IdentifyParams;

/**
 * Identifies the visitor as your signed-in user, from a Server Component (e.g. the layout of your
 * authenticated routes). The identity signature (HMAC-SHA256 of the externalId, or of the email
 * when there is none) is computed here on the server from `COSSISTANT_IDENTITY_SECRET`; only the
 * parameters and that signature reach the browser, where the client part sends `identify` when
 * they changed (hashed, so re-renders and reloads cost no request).
 *
 * Without a secret the identify is sent unsigned, which the server accepts only for a new contact
 * (unless the website requires verification): a second device joining an existing contact is
 * refused with `identity_verification_failed`, with test keys too.
 *
 * @example
 * // app/(app)/layout.tsx
 * import { IdentifySupportVisitor } from "@cossistant/next";
 *
 * export default async function AppLayout({ children }: { children: React.ReactNode }) {
 *   const user = await getUser();
 *   return (
 *     <>
 *       <IdentifySupportVisitor externalId={user.id} email={user.email} name={user.name} metadata={{ plan: user.plan }} />
 *       {children}
 *     </>
 *   );
 * }
 */
export async function IdentifySupportVisitor(params: ServerIdentifySupportVisitorProps) {
	const secret = process.env[IDENTITY_SECRET_ENV];
	const signature =
		secret && signedValueOf(params) !== undefined
			? await createIdentitySignature(params, secret)
			: params.signature;
	return <IdentifyOnClient {...params} {...(signature === undefined ? {} : { signature })} />;
}
