import { UPLOAD_ACCEPT } from "@cossistant/types";
import { useId } from "react";
import type { MessageComposer } from "../../hooks/use-conversation-page.ts";
import { FileInput } from "../../primitives/file-input.tsx";
import { MultimodalInput } from "../../primitives/multimodal-input.tsx";
import { useSupportText } from "../../text/text-context.tsx";
import { ComposerFilePreview, FileChipContent } from "./attachments.tsx";
import { CloseIcon } from "./icon.tsx";
import { AttachIcon, SendIcon } from "./icons.tsx";

/**
 * The default composer, built on `Primitives.MultimodalInput` (Enter sends, Shift+Enter adds a
 * line, pasted files attach) and `Primitives.FileInput` (picker and drop zone): picked files
 * as chips (image thumbnails, names and sizes) above one field that holds the text, the attach
 * and the send buttons. `error` is the last send that failed (the draft is back in the field).
 */
export function Composer({ composer, error }: { composer: MessageComposer; error?: Error | null }) {
	const text = useSupportText();
	const inputId = useId();
	return (
		<form
			className="co-composer"
			onSubmit={(event) => {
				event.preventDefault();
				void composer.submit();
			}}
		>
			<FileInput
				className="co-composer-dropzone"
				accept={UPLOAD_ACCEPT}
				inputLabel={text("component.composer.attach")}
				onFilesSelected={composer.addFiles}
			>
				{({ open }) => (
					<>
						{composer.files.length > 0 ? (
							<ul className="co-composer-files">
								{composer.files.map((file, index) => (
									<li
										key={`${file.name}:${file.size}:${file.lastModified}`}
										className="co-composer-file"
									>
										<FileChipContent
											name={file.name}
											size={file.size}
											icon={<ComposerFilePreview file={file} />}
										/>
										<button
											type="button"
											className="co-icon-button"
											aria-label={text("component.composer.removeFile", { fileName: file.name })}
											onClick={() => composer.removeFile(index)}
										>
											<CloseIcon size={14} />
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
						{error && !composer.isSubmitting ? (
							<p className="co-composer-error" role="alert">
								{text("component.composer.failed")}
							</p>
						) : null}
						<div className="co-composer-box">
							<label htmlFor={inputId} className="co-visually-hidden">
								{text("component.composer.label")}
							</label>
							<MultimodalInput
								id={inputId}
								className="co-composer-input"
								value={composer.message}
								placeholder={text("component.composer.placeholder")}
								onChange={composer.setMessage}
								onSubmit={() => void composer.submit()}
								onFilesAdded={composer.addFiles}
								// The conversation page remounts when its first message creates the
								// conversation: keep the visitor's focus in the composer across it.
								autoFocus
							/>
							<button
								type="button"
								className="co-icon-button co-composer-attach"
								aria-label={text("component.composer.attach")}
								onClick={open}
							>
								<AttachIcon />
							</button>
							<button
								type="submit"
								className="co-composer-send"
								aria-label={text("component.composer.send")}
								disabled={!composer.canSubmit}
							>
								<SendIcon />
							</button>
						</div>
					</>
				)}
			</FileInput>
		</form>
	);
}
