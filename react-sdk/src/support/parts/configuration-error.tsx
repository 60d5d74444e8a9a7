import { useSupportText } from "../../text/text-context.tsx";

/** Shown instead of the pages when the widget has no valid public key. */
export function ConfigurationError({ error }: { error: Error }) {
	const text = useSupportText();
	return (
		<div className="co-configuration-error" role="alert">
			{text("component.error.configuration", { message: error.message })}
		</div>
	);
}
