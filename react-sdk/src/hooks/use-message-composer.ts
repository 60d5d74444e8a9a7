import type { CossistantClient } from "@cossistant/core";
import type { DefaultMessage, MessagePart } from "@cossistant/types";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { toError } from "../utils/errors.ts";
import { PENDING_CONVERSATION_ID } from "../widget/routes.ts";
import { useFileUpload } from "./use-file-upload.ts";
import { useTypingReporter } from "./use-typing-reporter.ts";

/** Options of `useMessageComposer()`. */
export interface UseMessageComposerOptions {
	/** The conversation to write to; `null` or `PENDING_CONVERSATION_ID` starts a new one on submit. */
	conversationId: string | null;
	/** Welcome messages stored as the first items when the submit starts a conversation. */
	defaultMessages?: DefaultMessage[];
	/** After a message was durably queued (it is delivered once online). */
	onMessageSent?: (conversationId: string) => void;
	/** When the submit created the conversation (switch the page to its id). */
	onConversationInitiated?: (conversationId: string) => void;
	onError?: (error: Error) => void;
}

/** What `useMessageComposer()` returns. */
export interface UseMessageComposerResult {
	message: string;
	files: File[];
	error: Error | null;
	isSubmitting: boolean;
	isUploading: boolean;
	/** Upload progress of attached files (0–100). */
	uploadProgress: number;
	/** Whether there is text or a file to send and no send in progress. */
	canSubmit: boolean;
	setMessage: (message: string) => void;
	addFiles: (files: File[]) => void;
	removeFile: (index: number) => void;
	clearFiles: () => void;
	/** Sends the draft (text and uploaded files); restores it if sending fails. */
	submit: () => Promise<void>;
	/** Sends `text` right away (e.g. a quick option), leaving the draft alone. */
	sendText: (text: string) => Promise<void>;
	reset: () => void;
}

/**
 * Draft text and attachments, typing reports and sending, for a custom composer. The draft text
 * is kept per conversation for the provider's lifetime (closing the window keeps it). Sending works
 * offline: the message is queued durably and delivered when the connection returns.
 *
 * @example
 * const composer = useMessageComposer({ conversationId });
 * <form onSubmit={(e) => { e.preventDefault(); composer.submit(); }}>
 *   <input value={composer.message} onChange={(e) => composer.setMessage(e.target.value)} />
 * </form>
 */
export function useMessageComposer(options: UseMessageComposerOptions): UseMessageComposerResult {
	const { client, requireClient, widget } = useSupportSession("useMessageComposer");
	const { conversationId, defaultMessages } = options;
	const realId =
		conversationId && conversationId !== PENDING_CONVERSATION_ID ? conversationId : null;
	const draftKey = realId ?? PENDING_CONVERSATION_ID;
	// The draft lives in the widget's store too, so closing the window does not lose it.
	const [message, setDraft] = useState(() => widget.getState().drafts[draftKey] ?? "");
	useEffect(() => widget.actions.setDraft(draftKey, message), [widget, draftKey, message]);
	const [files, setFiles] = useState<File[]>([]);
	const [error, setError] = useState<Error | null>(null);
	const [isSubmitting, setIsSubmitting] = useState(false);
	const upload = useFileUpload();
	const typing = useTypingReporter(client, realId);
	const optionsRef = useRef(options);
	optionsRef.current = options;

	const setMessage = useCallback(
		(value: string) => {
			setDraft(value);
			typing.report(value);
		},
		[typing],
	);
	const addFiles = useCallback(
		(added: File[]) => setFiles((current) => [...current, ...added]),
		[],
	);
	const removeFile = useCallback(
		(index: number) => setFiles((current) => current.filter((_, i) => i !== index)),
		[],
	);
	const clearFiles = useCallback(() => setFiles([]), []);
	const reset = useCallback(() => {
		setDraft("");
		setFiles([]);
		setError(null);
	}, []);

	const canSubmit = (message.trim() !== "" || files.length > 0) && !isSubmitting;

	const send = useCallback(
		async (rawText: string, attached: File[], fromDraft: boolean) => {
			const text = rawText.trim();
			if (text === "" && attached.length === 0) return;
			setIsSubmitting(true);
			setError(null);
			if (fromDraft) {
				setDraft("");
				setFiles([]);
			}
			typing.stop();
			let client: CossistantClient | null = null;
			try {
				client = await requireClient();
				const uploaded =
					attached.length > 0 ? await upload.uploadFiles(attached, realId ?? undefined) : [];
				const parts: MessagePart[] = [
					...(text ? [{ type: "text" as const, text }] : []),
					...uploaded,
				];
				let target = realId;
				if (!target) {
					target = await client.startConversation({
						initialMessage: parts,
						...(defaultMessages?.length ? { defaultMessages } : {}),
					});
					optionsRef.current.onConversationInitiated?.(target);
				} else {
					await client.sendMessage(target, parts);
				}
				optionsRef.current.onMessageSent?.(target);
			} catch (cause) {
				const failure = toError(cause);
				if (fromDraft) {
					setDraft((current) => current || text);
					setFiles((current) => (current.length > 0 ? current : attached));
				}
				setError(failure);
				client?.events.emitError(failure, "message_send_failed");
				optionsRef.current.onError?.(failure);
			} finally {
				setIsSubmitting(false);
			}
		},
		[requireClient, defaultMessages, realId, typing, upload],
	);
	const submit = useCallback(async () => {
		if (!isSubmitting) await send(message, files, true);
	}, [files, isSubmitting, message, send]);
	const sendText = useCallback((text: string) => send(text, [], false), [send]);

	return {
		message,
		files,
		error,
		isSubmitting,
		isUploading: upload.isUploading,
		uploadProgress: upload.progress,
		canSubmit,
		setMessage,
		addFiles,
		removeFile,
		clearFiles,
		submit,
		sendText,
		reset,
	};
}
