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
import { formatDate } from "./api-keys-section.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
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
				<div role="alert" className="dash-error">
					Could not load the team: {errorMessage(team.error)}{" "}
					<button type="button" className="dash-link-button" onClick={() => void team.reload()}>
						Retry
					</button>
				</div>
			) : null}
			{team.loading && !team.data ? <p className="dash-hint">Loading the team…</p> : null}
			{team.data ? (
				<>
					<ul className="dash-list" aria-label="Team members">
						{team.data.agents.map((agent) => (
							<li key={agent.id} className="dash-list-row">
								<div className="dash-list-main">
									<span className="dash-strong">{agent.name}</span>
									<div className="dash-hint">{agent.email}</div>
								</div>
								{readOnly ? (
									<span className="dash-badge">{ROLE_LABEL[agent.role]}</span>
								) : (
									<>
										<select
											className="dash-input dash-input-compact"
											aria-label={`Role of ${agent.name}`}
											value={agent.role}
											disabled={busyId === agent.id}
											onChange={(event) =>
												void changeRole(agent, event.target.value === "admin" ? "admin" : "agent")
											}
										>
											<option value="agent">Agent</option>
											<option value="admin">Admin</option>
										</select>
										<button
											type="button"
											className="dash-button"
											aria-label={`Remove ${agent.name} from the team`}
											disabled={busyId === agent.id}
											onClick={() => setRemoval({ kind: "agent", agent })}
										>
											Remove
										</button>
									</>
								)}
							</li>
						))}
					</ul>
					{readOnly ? null : (
						<>
							<h3 className="dash-form-title">Pending invitations</h3>
							{team.data.invitations.length === 0 ? (
								<p className="dash-hint">No pending invitation.</p>
							) : (
								<ul className="dash-list" aria-label="Pending invitations">
									{team.data.invitations.map((invitation) => (
										<li key={invitation.id} className="dash-list-row">
											<div className="dash-list-main">
												<span className="dash-strong">{invitation.name}</span>{" "}
												<span className="dash-badge">{ROLE_LABEL[invitation.role]}</span>
												<div className="dash-hint">
													{invitation.email} · expires {formatDate(invitation.expiresAt)}
												</div>
											</div>
											<button
												type="button"
												className="dash-button"
												aria-label={`Withdraw the invitation for ${invitation.email}`}
												disabled={busyId === invitation.id}
												onClick={() => setRemoval({ kind: "invitation", invitation })}
											>
												Withdraw
											</button>
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
					className="dash-form"
					onSubmit={submits(submitInvite.run)}
					aria-label="Invite an agent"
					noValidate
				>
					<h3 className="dash-form-title">Invite someone</h3>
					<div className="dash-field">
						<label htmlFor={emailId} className="dash-label">
							Email
						</label>
						<input
							id={emailId}
							type="email"
							className="dash-input"
							value={email}
							autoComplete="off"
							onChange={(event) => setEmail(event.target.value)}
							aria-invalid={submitInvite.error ? true : undefined}
							aria-describedby={submitInvite.error ? formErrorId : undefined}
						/>
					</div>
					<div className="dash-field">
						<label htmlFor={nameId} className="dash-label">
							Name
						</label>
						<input
							id={nameId}
							className="dash-input"
							value={name}
							maxLength={100}
							autoComplete="off"
							onChange={(event) => setName(event.target.value)}
						/>
					</div>
					<div className="dash-field">
						<label htmlFor={roleId} className="dash-label">
							Role
						</label>
						<select
							id={roleId}
							className="dash-input"
							value={role}
							onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "agent")}
						>
							<option value="agent">Agent (answers conversations)</option>
							<option value="admin">Admin (also manages keys, settings and the team)</option>
						</select>
					</div>
					<div className="dash-form-actions">
						<button
							type="submit"
							className="dash-button dash-button-primary"
							disabled={submitInvite.pending}
						>
							{submitInvite.pending ? "Inviting…" : "Invite"}
						</button>
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
