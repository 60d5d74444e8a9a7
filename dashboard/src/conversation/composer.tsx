import type { MessagePart } from "@cossistant/types";
import { LoaderCircle, Lock, Paperclip, Reply, SendHorizontal, X } from "lucide-react";
import {
	type KeyboardEvent,
	type ReactNode,
	useCallback,
	useEffect,
	useId,
	useRef,
	useState,
} from "react";
import { useDashboard } from "../dashboard-context.tsx";
import { Button, buttonVariants } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { IconButton } from "../ui/icon-button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { Tooltip } from "../ui/tooltip.tsx";
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
	const isNote = mode === "note";
	return (
		<form
			className={cn(
				"composer m-3 mt-0 flex shrink-0 flex-col rounded-xl border shadow-xs transition-colors focus-within:ring-2 md:m-4 md:mt-0",
				isNote
					? "border-note-border bg-note focus-within:ring-note-border/50"
					: "border-input bg-background focus-within:border-ring focus-within:ring-ring/30",
			)}
			data-mode={mode}
			onSubmit={(event) => {
				event.preventDefault();
				void send();
			}}
		>
			<div className="flex items-center gap-1 px-2 pt-2">
				<fieldset className="m-0 flex gap-1 border-0 p-0">
					<legend className="sr-only">Message type</legend>
					<ModeButton pressed={mode === "reply"} onClick={() => setMode("reply")}>
						<Reply aria-hidden="true" />
						Reply
					</ModeButton>
					<ModeButton
						pressed={isNote}
						onClick={() => {
							stopTyping();
							setMode("note");
						}}
					>
						<Lock aria-hidden="true" />
						Internal note
					</ModeButton>
				</fieldset>
				{isNote && (
					<p
						className="m-0 ml-auto truncate pr-1 text-xs text-note-foreground max-sm:hidden"
						id={`${id}-hint`}
					>
						Only your team sees internal notes.
					</p>
				)}
			</div>
			<label htmlFor={`${id}-text`} className="sr-only">
				{label}
			</label>
			<textarea
				id={`${id}-text`}
				ref={textRef}
				value={text}
				rows={2}
				className="field-sizing-content max-h-48 min-h-14 w-full resize-none border-0 bg-transparent px-3 py-2 text-sm outline-none placeholder:text-muted-foreground max-md:text-base"
				placeholder={isNote ? "Write an internal note…" : "Write a reply…"}
				aria-describedby={isNote ? `${id}-hint` : undefined}
				onChange={(event) => onInput(event.target.value)}
				onKeyDown={onKeyDown}
				onBlur={stopTyping}
			/>
			{attachments.length > 0 && (
				<ul className="m-0 flex list-none flex-wrap gap-1.5 px-3 pb-1" aria-label="Attachments">
					{attachments.map((part, index) => {
						const name = part.type === "text" ? "" : (displayFileName(part.name) ?? "Image");
						return (
							<li
								key={part.type === "text" ? part.text : part.url}
								className="flex items-center gap-1 rounded-md border border-border bg-muted py-0.5 pr-0.5 pl-2 text-xs"
							>
								<Paperclip className="size-3" aria-hidden="true" />
								<span className="max-w-40 truncate">{name}</span>
								<IconButton
									size="icon-sm"
									className="size-6"
									label={`Remove ${name}`}
									icon={<X aria-hidden="true" />}
									onClick={() => setAttachments((current) => current.filter((_, i) => i !== index))}
								/>
							</li>
						);
					})}
				</ul>
			)}
			{error && (
				<p className="m-0 px-3 pb-1 text-xs text-danger" role="alert">
					{error}
				</p>
			)}
			<div className="flex items-center gap-1 px-2 pb-2">
				<Tooltip content="Attach files (needs the network)">
					<label
						className={cn(
							buttonVariants({ variant: "ghost", size: "icon-sm" }),
							"cursor-pointer text-muted-foreground focus-within:ring-2 focus-within:ring-ring",
						)}
					>
						{uploading > 0 ? (
							<LoaderCircle className="animate-spin" aria-hidden="true" />
						) : (
							<Paperclip aria-hidden="true" />
						)}
						<input
							type="file"
							multiple
							aria-label={uploading > 0 ? "Uploading…" : "Attach files"}
							className="sr-only"
							onChange={(event) => {
								void upload(event.target.files);
								event.target.value = "";
							}}
						/>
					</label>
				</Tooltip>
				<span className="ml-auto text-xs text-muted-foreground max-md:hidden">
					<Kbd>Enter</Kbd> to send · <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line
				</span>
				<Button
					type="submit"
					size="sm"
					className="max-md:ml-auto max-md:min-w-11"
					disabled={uploading > 0}
					aria-label={isNote ? "Add note" : "Send"}
				>
					<SendHorizontal aria-hidden="true" />
					<span className="max-sm:sr-only">{isNote ? "Add note" : "Send"}</span>
				</Button>
			</div>
		</form>
	);
}

/** "Reply" or "Internal note": which the composer writes. */
function ModeButton({
	pressed,
	onClick,
	children,
}: {
	pressed: boolean;
	onClick: () => void;
	children: ReactNode;
}) {
	return (
		<button
			type="button"
			aria-pressed={pressed}
			onClick={onClick}
			className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none aria-pressed:bg-secondary aria-pressed:text-foreground max-md:h-11 [&_svg]:size-3.5"
		>
			{children}
		</button>
	);
}
