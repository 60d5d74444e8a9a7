import {
	type AgentListResponse,
	type AgentRole,
	type AgentUser,
	agentListResponseSchema,
	agentResponseSchema,
	createAgentRequestSchema,
	createAgentResponseSchema,
	type Invitation,
} from "@cossistant/types";
import { useCallback, useId, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { checkInput, expectAnswer } from "../api/schema-check.ts";
import type { TeamRequest } from "../api/team-request.ts";
import { useAnnouncer } from "../forms/announce.ts";
import { FieldError } from "../forms/field-error.tsx";
import { submits, useFormAction } from "../forms/use-form-action.ts";
import { invitationLink } from "../invitation-link.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { DateTime } from "../ui/date-time.tsx";
import { Input, NativeSelect } from "../ui/input.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { SettingsSection } from "./settings-section.tsx";
import { useLoaded } from "./use-loaded.ts";

/** Props of {@link AgentsSection}. */
export interface AgentsSectionProps {
	request: TeamRequest;
	websiteId: string;
	/** Agents who are not admins see the team only. */
	readOnly: boolean;
	/** The website's name, shown by the invitation link's page ("Join <website>"). */
	websiteName?: string;
}

const ROLE_LABEL: Record<AgentRole, string> = { admin: "Admin", agent: "Agent" };

type PendingRemoval =
	| { kind: "agent"; agent: AgentUser }
	| { kind: "invitation"; invitation: Invitation };

/**
 * The website's team: members with their roles (admins change them and remove members), pending
 * invitations (withdrawn by admins) and a form inviting someone by email with a role on this
 * website. Everyone gets a one-time invitation link (its code in the fragment), shown once: it
 * opens the dashboard's "Accept invitation" page, where a new person sets a name and password
 * and an existing account signs in and joins. Nobody joins without accepting.
 */
export function AgentsSection({ request, websiteId, readOnly, websiteName }: AgentsSectionProps) {
	const emailId = useId();
	const nameId = useId();
	const roleId = useId();
	const formErrorId = useId();
	const base = `/websites/${encodeURIComponent(websiteId)}`;

	const team = useLoaded(
		useCallback(
			async () =>
				expectAnswer(agentListResponseSchema, await request(`${base}/agents`), "the team"),
			[request, base],
		),
	);

	const [email, setEmail] = useState("");
	const [name, setName] = useState("");
	const [role, setRole] = useState<AgentRole>("agent");
	const [invite, setInvite] = useState<{ email: string; token: string } | null>(null);
	const [busyId, setBusyId] = useState<string | null>(null);
	const [removal, setRemoval] = useState<PendingRemoval | null>(null);

	// A website keeps at least one admin: its only admin can neither leave nor become an agent.
	const onlyAdmin = (agent: AgentUser) =>
		agent.role === "admin" &&
		(team.data?.agents.filter((member) => member.role === "admin").length ?? 0) <= 1;

	const update = (change: (list: AgentListResponse) => AgentListResponse) =>
		team.setData((current) => (current ? change(current) : current));

	const { status, announce } = useAnnouncer();
	const submitInvite = useFormAction(
		async () => {
			const input = checkInput(
				createAgentRequestSchema,
				{ email: email.trim(), name, role },
				{ email: "Email", name: "Name", role: "Role" },
			);
			if (!input.ok) throw new Error(input.message);
			const answer = expectAnswer(
				createAgentResponseSchema,
				await request(`${base}/agents`, { method: "POST", body: input.value }),
				"the invitation",
			);
			setEmail("");
			setName("");
			setRole("agent");
			if ("invitation" in answer) {
				const { invitation } = answer;
				update((list) => ({
					...list,
					invitations: [
						...list.invitations.filter((i) => i.email !== invitation.email),
						invitation,
					],
				}));
				setInvite({ email: invitation.email, token: answer.inviteToken });
				return `Invitation for ${invitation.email} created.`;
			}
			const { agent } = answer;
			update((list) => ({
				...list,
				agents: list.agents.some((a) => a.id === agent.id) ? list.agents : [...list.agents, agent],
			}));
			return `${agent.name} was added to the team.`;
		},
		{ announce },
	);

	// Role changes and removals share the error line under the lists; the row at work is disabled.
	const rowAction = useFormAction(
		async (id: string, action: () => Promise<string>) => {
			setBusyId(id);
			try {
				return await action();
			} finally {
				setBusyId(null);
			}
		},
		{ announce },
	);

	const changeRole = (agent: AgentUser, next: AgentRole) =>
		rowAction.run(agent.id, async () => {
			try {
				const answer = expectAnswer(
					agentResponseSchema,
					await request(`${base}/agents/${encodeURIComponent(agent.id)}`, {
						method: "PATCH",
						body: { role: next },
					}),
					"the agent",
				);
				update((list) => ({
					...list,
					agents: list.agents.map((a) => (a.id === answer.agent.id ? answer.agent : a)),
				}));
				return `${answer.agent.name} is now ${ROLE_LABEL[answer.agent.role].toLowerCase()}.`;
			} catch (error) {
				throw new Error(`Changing ${agent.name}'s role failed: ${errorMessage(error)}`);
			}
		});

	const confirmRemoval = (pending: PendingRemoval) => {
		const id = pending.kind === "agent" ? pending.agent.id : pending.invitation.id;
		return rowAction.run(id, async () => {
			try {
				if (pending.kind === "agent") {
					await request(`${base}/agents/${encodeURIComponent(id)}`, { method: "DELETE" });
					update((list) => ({ ...list, agents: list.agents.filter((a) => a.id !== id) }));
					return `${pending.agent.name} was removed from the team.`;
				}
				await request(`${base}/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
				update((list) => ({ ...list, invitations: list.invitations.filter((i) => i.id !== id) }));
				return `The invitation for ${pending.invitation.email} was withdrawn.`;
			} catch (error) {
				throw new Error(`Removing failed: ${errorMessage(error)}`);
			} finally {
				setRemoval(null);
			}
		});
	};

	return (
		<SettingsSection title="Agents" status={status}>
			{team.error && !team.data ? (
				<div role="alert" className="m-0 text-sm text-danger">
					Could not load the team: {errorMessage(team.error)}{" "}
					<button
						type="button"
						className="font-medium text-link underline underline-offset-2"
						onClick={() => void team.reload()}
					>
						Retry
					</button>
				</div>
			) : null}
			{team.loading && !team.data ? (
				<p className="m-0 text-sm text-muted-foreground">Loading the team…</p>
			) : null}
			{team.data ? (
				<>
					<ul
						className="m-0 list-none divide-y divide-border rounded-lg border border-border p-0"
						aria-label="Team members"
					>
						{team.data.agents.map((agent) => (
							<li
								key={agent.id}
								className="flex flex-wrap items-center gap-3 px-4 py-3 data-[revoked]:opacity-60"
							>
								<Avatar name={agent.name} seed={agent.id} />
								<div className="min-w-0 flex-1 basis-60 space-y-1">
									<span className="font-medium">{agent.name}</span>
									<div className="m-0 text-sm text-muted-foreground">{agent.email}</div>
								</div>
								{readOnly ? (
									<span className="inline-flex items-center rounded-md bg-secondary px-1.5 py-px text-xs font-medium text-secondary-foreground">
										{ROLE_LABEL[agent.role]}
									</span>
								) : (
									<>
										<NativeSelect
											className="w-28"
											aria-label={`Role of ${agent.name}`}
											value={agent.role}
											disabled={busyId === agent.id || onlyAdmin(agent)}
											title={onlyAdmin(agent) ? "The website's only admin" : undefined}
											onChange={(event) =>
												void changeRole(agent, event.target.value === "admin" ? "admin" : "agent")
											}
										>
											<option value="agent">Agent</option>
											<option value="admin">Admin</option>
										</NativeSelect>
										{onlyAdmin(agent) ? null : (
											<Button
												variant="outline"
												aria-label={`Remove ${agent.name} from the team`}
												disabled={busyId === agent.id}
												onClick={() => setRemoval({ kind: "agent", agent })}
											>
												Remove
											</Button>
										)}
									</>
								)}
							</li>
						))}
					</ul>
					{readOnly ? null : (
						<>
							<h3 className="m-0 text-sm font-semibold">Pending invitations</h3>
							{team.data.invitations.length === 0 ? (
								<p className="m-0 text-sm text-muted-foreground">No pending invitation.</p>
							) : (
								<ul
									className="m-0 list-none divide-y divide-border rounded-lg border border-border p-0"
									aria-label="Pending invitations"
								>
									{team.data.invitations.map((invitation) => (
										<li
											key={invitation.id}
											className="flex flex-wrap items-center gap-3 px-4 py-3 data-[revoked]:opacity-60"
										>
											<div className="min-w-0 flex-1 basis-60 space-y-1">
												<span className="font-medium">{invitation.name}</span>{" "}
												<span className="inline-flex items-center rounded-md bg-secondary px-1.5 py-px text-xs font-medium text-secondary-foreground">
													{ROLE_LABEL[invitation.role]}
												</span>
												<div className="m-0 text-sm text-muted-foreground">
													{invitation.email} · expires <DateTime value={invitation.expiresAt} />
												</div>
											</div>
											<Button
												type="button"
												variant="outline"
												aria-label={`Withdraw the invitation for ${invitation.email}`}
												disabled={busyId === invitation.id}
												onClick={() => setRemoval({ kind: "invitation", invitation })}
											>
												Withdraw
											</Button>
										</li>
									))}
								</ul>
							)}
						</>
					)}
				</>
			) : null}
			<FieldError message={rowAction.error} />

			{invite ? (
				<OneTimeSecret
					label={`Invitation link for ${invite.email}`}
					value={invitationLink(invite.token, websiteName)}
					warning="Send it to them privately: it opens the dashboard's “Accept invitation” page, where they choose a password (or sign in, if they have an account) and join. It works once, for 7 days, and is never shown again."
					onDismiss={() => setInvite(null)}
				/>
			) : null}

			{readOnly ? null : (
				<form
					className="mt-1 flex flex-col gap-4 border-t border-border pt-5"
					onSubmit={submits(submitInvite.run)}
					aria-label="Invite an agent"
					noValidate
				>
					<h3 className="m-0 text-sm font-semibold">Invite someone</h3>
					<div className="flex flex-col gap-1.5">
						<label htmlFor={emailId} className="text-sm font-medium">
							Email
						</label>
						<Input
							id={emailId}
							type="email"
							value={email}
							autoComplete="off"
							onChange={(event) => setEmail(event.target.value)}
							aria-invalid={submitInvite.error ? true : undefined}
							aria-describedby={submitInvite.error ? formErrorId : undefined}
						/>
					</div>
					<div className="flex flex-col gap-1.5">
						<label htmlFor={nameId} className="text-sm font-medium">
							Name
						</label>
						<Input
							id={nameId}
							value={name}
							maxLength={100}
							autoComplete="off"
							onChange={(event) => setName(event.target.value)}
						/>
					</div>
					<div className="flex flex-col gap-1.5">
						<label htmlFor={roleId} className="text-sm font-medium">
							Role
						</label>
						<NativeSelect
							id={roleId}
							value={role}
							onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "agent")}
						>
							<option value="agent">Agent (answers conversations)</option>
							<option value="admin">Admin (also manages keys, settings and the team)</option>
						</NativeSelect>
					</div>
					<div className="flex flex-wrap gap-2">
						<Button type="submit" disabled={submitInvite.pending}>
							{submitInvite.pending ? "Inviting…" : "Invite"}
						</Button>
					</div>
					<FieldError id={formErrorId} message={submitInvite.error} />
				</form>
			)}

			{removal ? (
				<ConfirmDialog
					title={
						removal.kind === "agent"
							? `Remove ${removal.agent.name} from the team?`
							: `Withdraw the invitation for ${removal.invitation.email}?`
					}
					confirmLabel={removal.kind === "agent" ? "Remove agent" : "Withdraw invitation"}
					busy={busyId !== null}
					onConfirm={() => void confirmRemoval(removal)}
					onCancel={() => setRemoval(null)}
				>
					<p>
						{removal.kind === "agent"
							? "They lose access to this website's conversations at once; their open sessions on it are closed."
							: "The invitation code stops working at once."}
					</p>
				</ConfirmDialog>
			) : null}
		</SettingsSection>
	);
}
