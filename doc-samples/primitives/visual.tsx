// Primitives reference: visual (Avatar with its image and fallback, TypingIndicator) and
// configuration (Config). The docs' `user` comes from the app: a prop here.
import { Primitives } from "@cossistant/next";

export function AvatarSample({
	user,
}: {
	user: { image: string | null; name: string; initials: string };
}) {
	return (
		<Primitives.Avatar>
			<Primitives.AvatarImage src={user.image} alt={user.name} />
			<Primitives.AvatarFallback>{user.initials}</Primitives.AvatarFallback>
		</Primitives.Avatar>
	);
}

export function TypingIndicatorSample() {
	return <Primitives.TypingIndicator participants={[{ id: "1", name: "Alice", type: "user" }]} />;
}

export function ConfigSample() {
	return (
		<Primitives.Config
			quickOptions={["Pricing", "Features", "Support"]}
			defaultMessages={[{ content: "Hi! How can we help?", senderType: "ai" }]}
		/>
	);
}
