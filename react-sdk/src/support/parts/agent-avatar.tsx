import { Avatar } from "../../primitives/avatar.tsx";

/** Props of the default widget's agent avatar. */
export interface AgentAvatarProps {
	/** The agent's (human or AI) id: picks the fallback's accent colour. */
	id: string;
	name: string;
	image?: string | null;
	/** `small` in group headers, regular on the home page. */
	size?: "regular" | "small";
	/** Decorative next to a visible name: hidden from assistive technology. */
	decorative?: boolean;
}

/**
 * An agent's picture, or their initials on one of the theme's accent colours
 * (`--co-theme-pink|yellow|blue|orange`) chosen from the agent's id.
 */
export function AgentAvatar({ id, name, image, size = "regular", decorative }: AgentAvatarProps) {
	return (
		<Avatar
			className={size === "small" ? "co-avatar co-avatar-small" : "co-avatar"}
			name={name}
			src={image ?? null}
			accentKey={id}
			data-testid="co-agent-avatar"
			{...(decorative ? { "aria-hidden": true } : {})}
		/>
	);
}
