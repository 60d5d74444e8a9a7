// Primitives reference: core components, Trigger and Window.
import { Primitives } from "@cossistant/next";

// The docs show the elements alone; components render them here.
export function TriggerSample() {
	return (
		<Primitives.Trigger>
			{({ isOpen, unreadCount, isTyping, toggle }) => (
				<button onClick={toggle} type="button">
					{isOpen ? "×" : "💬"}
					{unreadCount > 0 && <span>{unreadCount}</span>}
				</button>
			)}
		</Primitives.Trigger>
	);
}

export function WindowSample() {
	return (
		<Primitives.Window>
			{({ isOpen, close }) =>
				isOpen && (
					<div className="fixed inset-0 bg-black/50">
						<div className="bg-white p-4 rounded">
							<button onClick={close} type="button">
								Close
							</button>
							<p>Window content</p>
						</div>
					</div>
				)
			}
		</Primitives.Window>
	);
}
