import {
	featureFlagMutationResponseSchema,
	featureFlagMutationSchema,
	identifyParamsSchema,
	identifyResponseSchema,
	supportStateSchema,
} from "@cossistant/types";
import { type OperationDoc, operation } from "../operation.ts";

const BLOCKED = "`visitor_blocked`: support is closed to this visitor.";

/** Identify and support state (docs: Contacts, Support State). */
export const supportOperations: OperationDoc[] = [
	operation({
		method: "post",
		path: "/v1/contacts/identify",
		operationId: "identifyVisitor",
		tag: "Widget",
		summary: "Link the visitor to a contact by externalId and/or email",
		description:
			"With live keys, attaching to an existing contact needs `signature` (HMAC-SHA256 of the " +
			"externalId with the website's identity secret, computed on the host's server).",
		security: [["publicKey", "visitorToken"]],
		requestBody: { name: "IdentifyParams", schema: identifyParamsSchema },
		responses: [
			{
				status: 200,
				description: "The linked visitor and its contact.",
				body: { name: "IdentifyResponse", schema: identifyResponseSchema },
			},
		],
		errors: {
			403: `\`identity_verification_failed\`: a missing or wrong signature where one is needed; ${BLOCKED}`,
		},
	}),
	operation({
		method: "get",
		path: "/v1/support/state",
		operationId: "getSupportState",
		tag: "Widget",
		summary: "The visitor's effective feature flags and onboarding progress",
		security: [["publicKey", "visitorToken"]],
		responses: [
			{
				status: 200,
				description: "The support state.",
				body: { name: "SupportState", schema: supportStateSchema },
			},
		],
		errors: { 403: BLOCKED },
	}),
	operation({
		method: "patch",
		path: "/v1/support/feature-flags",
		operationId: "mutateFeatureFlags",
		tag: "Backend",
		summary: "Add, remove or set feature flags of a visitor, contact or organization",
		security: ["privateKey"],
		requestBody: { name: "FeatureFlagMutation", schema: featureFlagMutationSchema },
		responses: [
			{
				status: 200,
				description: "The target's own flags afterwards.",
				body: { name: "FeatureFlagMutationResponse", schema: featureFlagMutationResponseSchema },
			},
		],
		errors: {
			403: "`private_key_required`: a public key was sent.",
			404: "`not_found`: no such target on this website.",
		},
	}),
];
