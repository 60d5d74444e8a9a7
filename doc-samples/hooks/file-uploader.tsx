// Hooks: useFileUpload (components/file-uploader.tsx).
"use client";

import { useFileUpload } from "@cossistant/next";

export function FileUploader() {
	const upload = useFileUpload();
	const conversationId = "conv_123";

	return (
		<div>
			<input
				type="file"
				multiple
				onChange={async (e) => {
					if (e.target.files?.length) {
						await upload.uploadFiles(Array.from(e.target.files), conversationId);
					}
				}}
			/>
			{upload.isUploading && (
				<div>
					<progress value={upload.progress} max={100} />
					<span>{upload.progress}%</span>
				</div>
			)}
			{upload.error && <p className="text-red-500">{upload.error.message}</p>}
		</div>
	);
}
