import { useSupportText } from "../../text/text-context.tsx";

/** Suggested first messages; choosing one sends it. */
export function QuickOptions({
	options,
	onSelect,
}: {
	options: string[];
	onSelect: (option: string) => void;
}) {
	const text = useSupportText();
	if (options.length === 0) return null;
	return (
		<ul className="co-quick-options" aria-label={text("component.quickOptions.label")}>
			{options.map((option) => (
				<li key={option}>
					<button
						type="button"
						className="co-button co-button-secondary"
						onClick={() => onSelect(option)}
					>
						{option}
					</button>
				</li>
			))}
		</ul>
	);
}
