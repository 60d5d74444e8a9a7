import { UPLOAD_ACCEPT } from "@cossistant/types";
import { type KeyboardEvent, useId, useRef } from "react";
import type { MessageComposer } from "../../hooks/use-conversation-page.ts";
import { useSupportText } from "../../text/text-context.tsx";

/**
 * The default composer. Enter sends, Shift+Enter adds a line; files can be attached.
 */
export function Composer({ composer }: { composer: MessageComposer }) {
	const text = useSupportText();
	const fileInput = useRef<HTMLInputElement>(null);
	const inputId = useId();
	const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
		if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
		event.preventDefault();
		void composer.submit();
	};
	return (
		<form
			className="co-composer"
			onSubmit={(event) => {
				event.preventDefault();
				void composer.submit();
			}}
		>
			{composer.files.length > 0 ? (
				<ul className="co-composer-files">
					{composer.files.map((file, index) => (
						<li key={`${file.name}:${file.size}:${file.lastModified}`} className="co-composer-file">
							<span>{file.name}</span>
							<button
								type="button"
								className="co-icon-button"
								aria-label={text("component.composer.removeFile", { fileName: file.name })}
								onClick={() => composer.removeFile(index)}
							>
								×
							</button>
						</li>
					))}
				</ul>
			) : null}
			{composer.isUploading ? (
				<p className="co-composer-progress" role="status">
					{text("component.composer.uploading", { progress: composer.uploadProgress })}
				</p>
			) : null}
			<div className="co-composer-row">
				<label htmlFor={inputId} className="co-visually-hidden">
					{text("component.composer.label")}
				</label>
				<textarea
					id={inputId}
					className="co-composer-input"
					rows={1}
					value={composer.message}
					placeholder={text("component.composer.placeholder")}
					onChange={(event) => composer.setMessage(event.target.value)}
					onKeyDown={onKeyDown}
				/>
				<input
					ref={fileInput}
					type="file"
					multiple
					hidden
					accept={UPLOAD_ACCEPT}
					onChange={(event) => {
						if (event.target.files?.length) composer.addFiles(Array.from(event.target.files));
						event.target.value = "";
					}}
				/>
				<button
					type="button"
					className="co-icon-button"
					aria-label={text("component.composer.attach")}
					onClick={() => fileInput.current?.click()}
				>
					<span aria-hidden="true">📎</span>
				</button>
				<button
					type="submit"
					className="co-button co-button-primary co-composer-send"
					disabled={!composer.canSubmit}
				>
					{text("component.composer.send")}
				</button>
			</div>
		</form>
	);
}
