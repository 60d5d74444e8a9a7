// Primitives: building from scratch.
import { Primitives, SupportProvider, useSupportConfig } from "@cossistant/next";
import { useState } from "react";

function CustomSupport() {
	const { isOpen } = useSupportConfig();

	return (
		<>
			{/* Custom trigger */}
			<Primitives.Trigger>
				{({ toggle, unreadCount }) => (
					<button
						onClick={toggle}
						className="fixed bottom-4 right-4 rounded-full bg-blue-600 p-4 text-white"
						type="button"
					>
						💬 {unreadCount > 0 && `(${unreadCount})`}
					</button>
				)}
			</Primitives.Trigger>

			{/* Custom window */}
			<Primitives.Window>
				{({ close }) =>
					isOpen && (
						<div className="fixed bottom-20 right-4 w-96 h-[500px] bg-white rounded-lg shadow-xl border">
							<header className="flex items-center justify-between p-4 border-b">
								<h2>Support</h2>
								<button onClick={close} type="button">
									×
								</button>
							</header>
							<div className="p-4">
								<p>Your custom support content here</p>
							</div>
						</div>
					)
				}
			</Primitives.Window>
		</>
	);
}

// Wrap with provider
export function App() {
	return (
		<SupportProvider publicKey="pk_xxx">
			<CustomSupport />
		</SupportProvider>
	);
}
