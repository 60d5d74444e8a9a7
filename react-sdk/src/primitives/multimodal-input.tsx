import type { ClipboardEvent, KeyboardEvent, Ref, TextareaHTMLAttributes } from "react";

/** Props of `<Primitives.MultimodalInput>`. */
export type MultimodalInputProps = Omit<
	TextareaHTMLAttributes<HTMLTextAreaElement>,
	"value" | "onChange" | "onSubmit"
> & {
	value: string;
	onChange: (value: string) => void;
	/** Enter (without Shift, outside an IME composition). */
	onSubmit: () => void;
	/** Files pasted into the input. */
	onFilesAdded?: (files: File[]) => void;
	ref?: Ref<HTMLTextAreaElement>;
};

/**
 * Headless message input: Enter submits, Shift+Enter adds a line, pasted files are handed over.
 * Give it an accessible name (`aria-label` or a `<label>`).
 *
 * @example
 * <Primitives.MultimodalInput aria-label="Message" value={composer.message}
 *   onChange={composer.setMessage} onSubmit={composer.submit} onFilesAdded={composer.addFiles} />
 */
export function MultimodalInput({
	value,
	onChange,
	onSubmit,
	onFilesAdded,
	onKeyDown,
	onPaste,
	...props
}: MultimodalInputProps) {
	return (
		<textarea
			rows={1}
			value={value}
			onChange={(event) => onChange(event.target.value)}
			onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
				onKeyDown?.(event);
				if (event.defaultPrevented) return;
				if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
					event.preventDefault();
					onSubmit();
				}
			}}
			onPaste={(event: ClipboardEvent<HTMLTextAreaElement>) => {
				onPaste?.(event);
				const files = Array.from(event.clipboardData?.files ?? []);
				if (files.length > 0 && onFilesAdded) {
					event.preventDefault();
					onFilesAdded(files);
				}
			}}
			{...props}
		/>
	);
}
