import type { UploadedPart } from "@cossistant/core";
import { useCallback, useRef, useState } from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { toError } from "../utils/errors.ts";

/** What `useFileUpload()` returns. */
export interface UseFileUploadResult {
	/**
	 * Uploads files (in parallel) and resolves with the `image` / `file` parts to send in a
	 * message. Rejects with the server's refusal (`unsupported_media_type`, `payload_too_large`, …).
	 */
	uploadFiles: (files: File[], conversationId?: string) => Promise<UploadedPart[]>;
	isUploading: boolean;
	/** 0–100, over all files of the current upload. */
	progress: number;
	/** The last upload's error, or null. */
	error: Error | null;
	/** Clears the error and progress. */
	reset: () => void;
}

/**
 * Uploads files as this visitor with progress and errors.
 *
 * @example
 * const upload = useFileUpload();
 * const parts = await upload.uploadFiles(Array.from(input.files), conversationId);
 * await client.sendMessage(conversationId, parts);
 */
export function useFileUpload(): UseFileUploadResult {
	const { client, requireClient } = useSupportSession("useFileUpload");
	const [isUploading, setIsUploading] = useState(false);
	const [progress, setProgress] = useState(0);
	const [error, setError] = useState<Error | null>(null);
	const run = useRef(0);

	const uploadFiles = useCallback(
		async (files: File[], conversationId?: string) => {
			if (files.length === 0) return [];
			const current = ++run.current;
			setIsUploading(true);
			setProgress(0);
			setError(null);
			const loaded = files.map(() => 0);
			const total = files.reduce((sum, file) => sum + file.size, 0) || 1;
			try {
				const uploader = await requireClient();
				const parts = await Promise.all(
					files.map((file, index) =>
						uploader.uploadFile(file, {
							...(conversationId ? { conversationId } : {}),
							onProgress: (report) => {
								loaded[index] = report.loaded;
								const sum = loaded.reduce((a, b) => a + b, 0);
								if (run.current === current)
									setProgress(Math.min(100, Math.round((sum / total) * 100)));
							},
						}),
					),
				);
				if (run.current === current) setProgress(100);
				return parts;
			} catch (cause) {
				const failure = toError(cause);
				if (run.current === current) setError(failure);
				client?.events.emitError(failure, "upload_failed");
				throw failure;
			} finally {
				if (run.current === current) setIsUploading(false);
			}
		},
		[client, requireClient],
	);
	const reset = useCallback(() => {
		setProgress(0);
		setError(null);
	}, []);
	return { uploadFiles, isUploading, progress, error, reset };
}
