// `@cossistant/next/server`: identity signatures for your own server code (Route Handlers,
// Server Actions), e.g. to sign an `identify()` that a Client Component sends with `useVisitor`.
import "server-only";

export {
	IDENTITY_SECRET_ENV,
	IdentifySupportVisitor,
	type ServerIdentifySupportVisitorProps,
} from "./server/identify-support-visitor.tsx";
export {
	createIdentitySignature,
	type SignedIdentity,
	signedValueOf,
} from "./server/identity-signature.ts";
