// Hooks: useMessageComposer (components/message-input.tsx).
"use client";

import { useMessageComposer } from "@cossistant/next";

export function MessageInput({ conversationId }: { conversationId: string }) {
	const composer = useMessageComposer({
		conversationId,
		onMessageSent: () => console.log("Message sent!"),
	});

	return (
		<form
			onSubmit={(e) => {
				e.preventDefault();
				composer.submit();
			}}
		>
			<input
				value={composer.message}
				onChange={(e) => composer.setMessage(e.target.value)}
				placeholder="Type a message..."
			/>
			<input
				type="file"
				multiple
				onChange={(e) => {
					if (e.target.files) {
						composer.addFiles(Array.from(e.target.files));
					}
				}}
			/>
			{composer.files.map((file, index) => (
				<span key={file.name}>
					{file.name}{" "}
					<button type="button" onClick={() => composer.removeFile(index)}>
						×
					</button>
				</span>
			))}
			<button type="submit" disabled={!composer.canSubmit || composer.isSubmitting}>
				{composer.isSubmitting ? "Sending..." : "Send"}
			</button>
		</form>
	);
}
