import { type DragEvent, type HTMLAttributes, type ReactNode, useRef, useState } from "react";

/** What `<Primitives.FileInput>`'s render function receives. */
export interface FileInputRenderProps {
	/** A drag with files is over the drop zone. */
	isDragging: boolean;
	/** Opens the browser's file picker. */
	open: () => void;
}

/** Props of `<Primitives.FileInput>`. */
export type FileInputProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	onFilesSelected: (files: File[]) => void;
	/** File types offered by the picker, e.g. `UPLOAD_ACCEPT` from `@cossistant/types`. @default any */
	accept?: string;
	/** @default true */
	multiple?: boolean;
	/**
	 * Most files handed over at once: of more picked or dropped, the first `maxFiles` go to
	 * `onFilesSelected` and the rest to `onFilesRejected`.
	 */
	maxFiles?: number;
	/** Files left out by `maxFiles` (or by `multiple={false}`). */
	onFilesRejected?: (files: File[]) => void;
	disabled?: boolean;
	/** Accessible name of the (hidden) file input. @default "Attach files" */
	inputLabel?: string;
	/** Your controls, or a function of the drop state. @default a button that opens the picker */
	children?: ReactNode | ((props: FileInputRenderProps) => ReactNode);
};

/**
 * Headless file picker and drop zone: files dropped on it or chosen in the picker are handed to
 * `onFilesSelected` (at most `maxFiles` at once); `data-dragging` is set while files hover it.
 * Without children it shows a button that opens the picker.
 *
 * @example
 * <Primitives.FileInput onFilesSelected={composer.addFiles} accept="image/*" maxFiles={5}>
 *   {({ open }) => <button type="button" onClick={open} aria-label="Attach files">📎</button>}
 * </Primitives.FileInput>
 */
export function FileInput({
	onFilesSelected,
	onFilesRejected,
	accept,
	multiple = true,
	maxFiles,
	disabled,
	inputLabel = "Attach files",
	children,
	...props
}: FileInputProps) {
	const input = useRef<HTMLInputElement>(null);
	const [isDragging, setDragging] = useState(false);
	const limit = multiple ? (maxFiles ?? Number.POSITIVE_INFINITY) : 1;
	const open = () => {
		if (!disabled) input.current?.click();
	};
	const handOver = (files: File[]) => {
		const accepted = files.slice(0, Math.max(0, limit));
		if (accepted.length > 0) onFilesSelected(accepted);
		if (files.length > accepted.length) onFilesRejected?.(files.slice(accepted.length));
	};
	const hasFiles = (event: DragEvent) =>
		Array.from(event.dataTransfer?.types ?? []).includes("Files");
	return (
		// biome-ignore lint/a11y/noStaticElementInteractions: a drop target only; the picker (open) is the keyboard path
		<div
			data-dragging={isDragging || undefined}
			onDragOver={(event) => {
				if (disabled || !hasFiles(event)) return;
				event.preventDefault();
				setDragging(true);
			}}
			onDragLeave={() => setDragging(false)}
			onDrop={(event) => {
				setDragging(false);
				if (disabled) return;
				const files = Array.from(event.dataTransfer?.files ?? []);
				if (files.length === 0) return;
				event.preventDefault();
				handOver(files);
			}}
			{...props}
		>
			<input
				ref={input}
				type="file"
				hidden
				tabIndex={-1}
				aria-label={inputLabel}
				accept={accept}
				multiple={limit > 1}
				disabled={disabled}
				onChange={(event) => {
					const files = Array.from(event.target.files ?? []);
					if (files.length > 0) handOver(files);
					event.target.value = "";
				}}
			/>
			{typeof children === "function"
				? children({ isDragging, open })
				: (children ?? (
						<button type="button" onClick={open} disabled={disabled}>
							{inputLabel}
						</button>
					))}
		</div>
	);
}
