import {
	conversationResponseSchema,
	createConversationRequestSchema,
	type VisitorDetail,
} from "@cossistant/types";
import { MessageSquarePlus } from "lucide-react";
import { useId, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { checkInput, expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { FieldError } from "../forms/field-error.tsx";
import { useFormAction } from "../forms/use-form-action.ts";
import { Button } from "../ui/button.tsx";
import { Label, Textarea } from "../ui/input.tsx";
import { deviceName } from "./format.ts";

/** Props of {@link NewConversation}. */
export interface NewConversationProps {
	request: TeamRequest;
	/** The person's devices, most recently seen first (the panel's `devices`). */
	devices: VisitorDetail[];
	/** Who the conversation is with, for the button's accessible name. */
	personName: string;
	/** Called with the created conversation's id (the panel opens it). */
	onCreated: (conversationId: string) => void;
}

/**
 * "New conversation": the agent starts a conversation with this person, on the device they
 * used last (`POST /v1/conversations` → `conversation.create`, with a first public message).
 * Their widget lists it at once; a blocked device is skipped, since support is closed to it.
 * Needs the network: the conversation exists once the server has applied the command.
 */
export function NewConversation({ request, devices, personName, onCreated }: NewConversationProps) {
	const formId = useId();
	const textId = useId();
	const errorId = useId();
	const [open, setOpen] = useState(false);
	const [text, setText] = useState("");
	const device = devices.find((candidate) => !candidate.isBlocked) ?? null;
	const create = async (body: unknown) => {
		try {
			const answer = expectAnswer(
				conversationResponseSchema,
				await request("/conversations", { method: "POST", body }),
				"the new conversation",
			);
			setText("");
			setOpen(false);
			onCreated(answer.conversation.id);
		} catch (caught) {
			throw new Error(`The conversation was not created: ${errorMessage(caught)}`);
		}
	};
	// Input is checked before anything is sent, and a refusal shows at once (no await before it).
	const start = useFormAction((visitorId: string) => {
		if (!text.trim()) throw new Error("Write the first message the visitor will read.");
		const input = checkInput(
			createConversationRequestSchema,
			{ visitorId, message: { text: text.trim() } },
			{ message: "First message" },
		);
		if (!input.ok) throw new Error(input.message);
		return create(input.value);
	});
	const error = start.error;

	if (!device) {
		return devices.length > 0 ? (
			<p className="m-0 text-xs text-muted-foreground">
				Every device of this person is blocked: no new conversation.
			</p>
		) : null;
	}

	if (!open) {
		return (
			<Button
				variant="outline"
				size="sm"
				className="mt-1"
				aria-label={`New conversation with ${personName}`}
				onClick={() => setOpen(true)}
			>
				<MessageSquarePlus aria-hidden="true" />
				New conversation
			</Button>
		);
	}

	return (
		<form
			className="mt-2 flex w-full flex-col gap-2 rounded-lg border border-border bg-background p-3 text-left"
			onSubmit={(event) => {
				event.preventDefault();
				void start.run(device.id);
			}}
			aria-labelledby={formId}
			noValidate
		>
			<h3 id={formId} className="m-0 text-sm font-semibold">
				New conversation
			</h3>
			<p className="m-0 text-xs text-muted-foreground">
				Opens in their widget on {deviceName(device)}, the device they used last.
			</p>
			<Label htmlFor={textId}>First message</Label>
			<Textarea
				id={textId}
				rows={3}
				value={text}
				onChange={(event) => setText(event.target.value)}
				aria-invalid={error ? true : undefined}
				aria-describedby={error ? errorId : undefined}
				autoFocus
			/>
			<FieldError id={errorId} message={error} />
			<div className="flex gap-2">
				<Button type="submit" size="sm" disabled={start.pending}>
					{start.pending ? "Starting…" : "Start conversation"}
				</Button>
				<Button
					variant="ghost"
					size="sm"
					onClick={() => {
						setOpen(false);
						start.reset();
					}}
				>
					Cancel
				</Button>
			</div>
		</form>
	);
}
