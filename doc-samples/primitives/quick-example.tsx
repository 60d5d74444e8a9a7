// Primitives: quick example.
import { Primitives, useSupportConfig } from "@cossistant/next";

export function CustomWidget() {
	const { isOpen, toggle } = useSupportConfig();

	return (
		<>
			<Primitives.Trigger>
				{({ toggle, unreadCount }) => (
					<button onClick={toggle} type="button">
						{unreadCount > 0 ? `Help (${unreadCount})` : "Help"}
					</button>
				)}
			</Primitives.Trigger>

			<Primitives.Window>
				{({ isOpen, close }) =>
					isOpen && (
						<div className="fixed bottom-20 right-4 w-96 bg-white rounded-lg shadow-xl">
							<button onClick={close} type="button">
								×
							</button>
							<p>Custom support content</p>
						</div>
					)
				}
			</Primitives.Window>
		</>
	);
}
