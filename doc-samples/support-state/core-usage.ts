// Support State: core usage, outside React.
import { CossistantClient } from "@cossistant/core";
import { support } from "./support";

const client = new CossistantClient({
	apiUrl: "https://api.cossistant.com/v1",
	wsUrl: "wss://api.cossistant.com/ws",
	publicKey: process.env.NEXT_PUBLIC_COSSISTANT_API_KEY,
	support,
});

await client.fetchWebsite();
await client.fetchSupportState();

const isNewMessageEnabled = client.isFeatureFlagEnabled("new-message");

await client.setOnboardingMetadata("workspace", {
	workspaceName: "Acme",
});

if (isNewMessageEnabled) {
	await client.completeOnboardingStep("workspace");
}
