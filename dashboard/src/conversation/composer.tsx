import type { MessagePart } from "@cossistant/types";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useDashboard } from "../dashboard-context.tsx";
import { drafts } from "./drafts.ts";
import { displayFileName } from "./file-name.ts";

export type ComposerMode = "reply" | "note";

/** Asks the open composer to take focus in a mode (the `n` shortcut, "Reply" buttons). */
export function focusComposer(mode: ComposerMode): void {
	window.dispatchEvent(new CustomEvent("dashboard:compose", { detail: { mode } }));
}

const TYPING_REFRESH_MS = 2_000;

/**
 * Reply or internal note, with attachments. Enter sends, Shift+Enter adds a line. Sending
 * works offline (the command waits in the outbox); attachments need the network, since the
 * file is uploaded before the message names it. Typing is announced to the visitor only while
 * writing a reply, never a note.
 */
export function Composer({ conversationId }: { conversationId: string }) {
	const { client } = useDashboard();
	const [mode, setModeState] = useState<ComposerMode>("reply");
	const modeRef = useRef<ComposerMode>("reply");
	// Each mode keeps its own draft: a note half-written never turns into a reply.
	const setMode = useCallback(
		(next: ComposerMode) => {
			modeRef.current = next;
			setModeState(next);
			setTextState(drafts.read(conversationId, next));
		},
		[conversationId],
	);
	const [text, setTextState] = useState(() => drafts.read(conversationId, "reply"));
	const setText = (value: string) => {
		setTextState(value);
		drafts.write(conversationId, modeRef.current, value);
	};
	const [attachments, setAttachments] = useState<MessagePart[]>([]);
	const [uploading, setUploading] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const textRef = useRef<HTMLTextAreaElement>(null);
	const lastTyping = useRef(0);
	const id = useId();

	useEffect(() => {
		const onCompose = (event: Event) => {
			const detail = (event as CustomEvent<{ mode: ComposerMode }>).detail;
			setMode(detail.mode);
			textRef.current?.focus();
		};
		window.addEventListener("dashboard:compose", onCompose);
		return () => window.removeEventListener("dashboard:compose", onCompose);
	}, [setMode]);

	const stopTyping = () => {
		if (lastTyping.current === 0) return;
		lastTyping.current = 0;
		client.setTyping(conversationId, false);
	};
	// Leaving the conversation ends my typing indicator.
	// biome-ignore lint/correctness/useExhaustiveDependencies: cleanup per conversation only
	useEffect(() => () => stopTyping(), [conversationId]);

	const onInput = (value: string) => {
		setText(value);
		if (mode !== "reply") return;
		if (!value.trim()) return stopTyping();
		if (Date.now() - lastTyping.current > TYPING_REFRESH_MS) {
			lastTyping.current = Date.now();
			client.setTyping(conversationId, true);
		}
	};

	const send = async () => {
		const parts: MessagePart[] = [];
		if (text.trim()) parts.push({ type: "text", text: text.trim() });
		parts.push(...attachments);
		if (parts.length === 0 || uploading > 0) return;
		setError(null);
		try {
			if (mode === "note") await client.addNote(conversationId, parts);
			else await client.reply(conversationId, parts);
			setText("");
			setAttachments([]);
			stopTyping();
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : "Could not queue the message.");
		}
	};

	const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
		if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
			event.preventDefault();
			void send();
		}
	};

	const upload = async (files: FileList | null) => {
		if (!files) return;
		for (const file of [...files]) {
			setUploading((count) => count + 1);
			try {
				const part = await client.uploadFile(file, { conversationId });
				setAttachments((current) => [...current, part]);
			} catch (caught) {
				setError(
					`${file.name}: ${caught instanceof Error ? caught.message : "upload failed"} (uploads need the network)`,
				);
			} finally {
				setUploading((count) => count - 1);
			}
		}
	};

	const label = mode === "note" ? "Internal note" : "Reply";
	return (
		<form
			className="composer"
			data-mode={mode}
			onSubmit={(event) => {
				event.preventDefault();
				void send();
			}}
		>
			<fieldset className="composer-modes">
				<legend className="visually-hidden">Message type</legend>
				<button type="button" aria-pressed={mode === "reply"} onClick={() => setMode("reply")}>
					Reply
				</button>
				<button
					type="button"
					aria-pressed={mode === "note"}
					onClick={() => {
						stopTyping();
						setMode("note");
					}}
				>
					Internal note
				</button>
			</fieldset>
			{mode === "note" && (
				<p className="note-hint" id={`${id}-hint`}>
					Only your team sees internal notes.
				</p>
			)}
			<label htmlFor={`${id}-text`} className="visually-hidden">
				{label}
			</label>
			<textarea
				id={`${id}-text`}
				ref={textRef}
				value={text}
				rows={3}
				placeholder={mode === "note" ? "Write an internal note…" : "Write a reply…  (Enter sends)"}
				aria-describedby={mode === "note" ? `${id}-hint` : undefined}
				onChange={(event) => onInput(event.target.value)}
				onKeyDown={onKeyDown}
				onBlur={stopTyping}
			/>
			{attachments.length > 0 && (
				<ul className="attachments" aria-label="Attachments">
					{attachments.map((part, index) => (
						<li key={part.type === "text" ? part.text : part.url}>
							{part.type === "text" ? null : (displayFileName(part.name) ?? "Image")}
							<button
								type="button"
								className="link-button"
								onClick={() => setAttachments((current) => current.filter((_, i) => i !== index))}
							>
								Remove
							</button>
						</li>
					))}
				</ul>
			)}
			{error && (
				<p className="form-error" role="alert">
					{error}
				</p>
			)}
			<div className="composer-actions">
				<label className="attach-button">
					<span>{uploading > 0 ? "Uploading…" : "Attach"}</span>
					<input
						type="file"
						multiple
						aria-label="Attach files"
						className="visually-hidden"
						onChange={(event) => {
							void upload(event.target.files);
							event.target.value = "";
						}}
					/>
				</label>
				<button type="submit" className="primary" disabled={uploading > 0}>
					{mode === "note" ? "Add note" : "Send"}
				</button>
			</div>
		</form>
	);
}
