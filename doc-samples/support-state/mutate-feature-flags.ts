// Support State: feature flag mutations from the server, with a private key.
import { CossistantClient } from "@cossistant/core";

// The contact whose flags change (the docs leave where it comes from out).
declare const contactId: string;

const client = new CossistantClient({
	apiUrl: "https://api.cossistant.com/v1",
	wsUrl: "wss://api.cossistant.com/ws",
	apiKey: process.env.COSSISTANT_PRIVATE_API_KEY,
});

await client.mutateSupportFeatureFlags({
	target: { type: "contact", id: contactId },
	operation: "add",
	flags: ["new-message"],
});
