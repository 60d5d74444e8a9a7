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
import { type FormEvent, useCallback, useId, useState } from "react";
import { invitationLink } from "../invitation-link.ts";
import { formatDate } from "./api-keys-section.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { checkInput, expectAnswer } from "./schema-check.ts";
import { errorMessage, type TeamRequest } from "./team-request.ts";
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
	const headingId = useId();
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
	const [inviting, setInviting] = useState(false);
	const [formError, setFormError] = useState<string | null>(null);
	const [invite, setInvite] = useState<{ email: string; token: string } | null>(null);
	const [status, setStatus] = useState("");
	const [rowError, setRowError] = useState<string | null>(null);
	const [busyId, setBusyId] = useState<string | null>(null);
	const [removal, setRemoval] = useState<PendingRemoval | null>(null);

	const update = (change: (list: AgentListResponse) => AgentListResponse) =>
		team.setData((current) => (current ? change(current) : current));

	const submitInvite = async (event: FormEvent) => {
		event.preventDefault();
		const input = checkInput(
			createAgentRequestSchema,
			{ email: email.trim(), name, role },
			{ email: "Email", name: "Name", role: "Role" },
		);
		if (!input.ok) {
			setFormError(input.message);
			return;
		}
		setInviting(true);
		setFormError(null);
		try {
			const answer = expectAnswer(
				createAgentResponseSchema,
				await request(`${base}/agents`, { method: "POST", body: input.value }),
				"the invitation",
			);
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
				setStatus(`Invitation for ${invitation.email} created.`);
			} else {
				const { agent } = answer;
				update((list) => ({
					...list,
					agents: list.agents.some((a) => a.id === agent.id)
						? list.agents
						: [...list.agents, agent],
				}));
				setStatus(`${agent.name} was added to the team.`);
			}
			setEmail("");
			setName("");
			setRole("agent");
		} catch (error) {
			setFormError(errorMessage(error));
		} finally {
			setInviting(false);
		}
	};

	const changeRole = async (agent: AgentUser, next: AgentRole) => {
		setBusyId(agent.id);
		setRowError(null);
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
			setStatus(`${answer.agent.name} is now ${ROLE_LABEL[answer.agent.role].toLowerCase()}.`);
		} catch (error) {
			setRowError(`Changing ${agent.name}'s role failed: ${errorMessage(error)}`);
		} finally {
			setBusyId(null);
		}
	};

	const confirmRemoval = async () => {
		if (!removal) return;
		const id = removal.kind === "agent" ? removal.agent.id : removal.invitation.id;
		setBusyId(id);
		setRowError(null);
		try {
			if (removal.kind === "agent") {
				await request(`${base}/agents/${encodeURIComponent(id)}`, { method: "DELETE" });
				update((list) => ({ ...list, agents: list.agents.filter((a) => a.id !== id) }));
				setStatus(`${removal.agent.name} was removed from the team.`);
			} else {
				await request(`${base}/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
				update((list) => ({ ...list, invitations: list.invitations.filter((i) => i.id !== id) }));
				setStatus(`The invitation for ${removal.invitation.email} was withdrawn.`);
			}
		} catch (error) {
			setRowError(`Removing failed: ${errorMessage(error)}`);
		} finally {
			setBusyId(null);
			setRemoval(null);
		}
	};

	return (
		<section className="dash-settings-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Agents</h2>
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
			{rowError ? (
				<p role="alert" className="dash-error">
					{rowError}
				</p>
			) : null}

			{invite ? (
				<OneTimeSecret
					label={`Invitation link for ${invite.email}`}
					value={invitationLink(invite.token, websiteName)}
					warning="Send it to them privately: it opens the dashboard's “Accept invitation” page, where they choose a password (or sign in, if they have an account) and join. It works once, for 7 days, and is never shown again."
					onDismiss={() => setInvite(null)}
				/>
			) : null}

			{readOnly ? null : (
				<form className="dash-form" onSubmit={submitInvite} aria-label="Invite an agent" noValidate>
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
							aria-invalid={formError ? true : undefined}
							aria-describedby={formError ? formErrorId : undefined}
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
						<button type="submit" className="dash-button dash-button-primary" disabled={inviting}>
							{inviting ? "Inviting…" : "Invite"}
						</button>
					</div>
					{formError ? (
						<p id={formErrorId} role="alert" className="dash-error">
							{formError}
						</p>
					) : null}
				</form>
			)}
			<p role="status" className="dash-status">
				{status}
			</p>

			{removal ? (
				<ConfirmDialog
					title={
						removal.kind === "agent"
							? `Remove ${removal.agent.name} from the team?`
							: `Withdraw the invitation for ${removal.invitation.email}?`
					}
					confirmLabel={removal.kind === "agent" ? "Remove agent" : "Withdraw invitation"}
					busy={busyId !== null}
					onConfirm={() => void confirmRemoval()}
					onCancel={() => setRemoval(null)}
				>
					<p>
						{removal.kind === "agent"
							? "They lose access to this website's conversations at once; their open sessions on it are closed."
							: "The invitation code stops working at once."}
					</p>
				</ConfirmDialog>
			) : null}
		</section>
	);
}
