// Primitives reference: input and interaction (MultimodalInput, FileInput, Button). The docs'
// `text`, `setText` and handlers come from the app: props here.
import { Primitives } from "@cossistant/next";

export function MultimodalInputSample({
	text,
	setText,
	handleSend,
}: {
	text: string;
	setText: (value: string) => void;
	handleSend: () => void;
}) {
	return (
		<Primitives.MultimodalInput
			value={text}
			onChange={setText}
			onSubmit={handleSend}
			placeholder="Type a message..."
		/>
	);
}

export function FileInputSample({ handleFiles }: { handleFiles: (files: File[]) => void }) {
	return (
		<Primitives.FileInput
			onFilesSelected={handleFiles}
			accept="image/*,application/pdf"
			maxFiles={5}
		/>
	);
}

export function ButtonSample({ handleClick }: { handleClick: () => void }) {
	return <Primitives.Button onClick={handleClick}>Send Message</Primitives.Button>;
}
