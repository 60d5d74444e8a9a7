import { useCallback, useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { isNetworkError, type TeamRequest } from "../api/team-request.ts";
import {
	CONVERSATIONS_SHOWN,
	type ContactDetails,
	type ContactTarget,
	loadContactDetails,
} from "./contact-details.ts";
import { ConversationList } from "./conversation-list.tsx";
import { cachedDetails, rememberDetails } from "./details-cache.ts";
import { DeviceList } from "./device-list.tsx";
import { fullTime, languageName, localTimeIn, relativeTime } from "./format.ts";
import { MetadataList } from "./metadata-list.tsx";
import { NewConversation } from "./new-conversation.tsx";
import "./contact-panel.css";

/** Props of {@link ContactPanel}. */
export interface ContactPanelProps {
	/** Authenticated REST calls as the signed-in agent (see `settings/team-request.ts`). */
	request: TeamRequest;
	/** The open conversation: it is left out of "Other conversations". */
	conversationId?: string | null;
	/** The conversation's visitor. */
	visitorId?: string | null;
	/** The conversation's contact, once the visitor is identified. */
	contactId?: string | null;
	/** Opens another conversation of the same person. */
	onOpenConversation: (conversationId: string) => void;
}

type Freshness =
	| { kind: "loading" }
	| { kind: "fresh" }
	| { kind: "offline" }
	| { kind: "failed"; message: string };

/**
 * Who the agent is talking to: the visitor or contact (name, email, language, timezone, company
 * and metadata such as plan and MRR), the contact's devices and their other conversations, and
 * "New conversation" with them on their most recent device.
 * The last answer per person stays in memory, so reopening is instant (then refreshed); when
 * the network is down the panel says so and keeps showing what it last knew.
 */
export function ContactPanel(props: ContactPanelProps) {
	const { request, conversationId, visitorId, contactId, onOpenConversation } = props;
	const headingId = useId();
	const [details, setDetails] = useState<ContactDetails | undefined>(() =>
		cachedDetails({ visitorId, contactId }),
	);
	const [freshness, setFreshness] = useState<Freshness>({ kind: "loading" });
	const generation = useRef(0);

	const load = useCallback(async () => {
		const target: ContactTarget = { visitorId, contactId };
		const mine = ++generation.current;
		setDetails(cachedDetails(target));
		setFreshness({ kind: "loading" });
		if (!visitorId && !contactId) {
			setFreshness({ kind: "failed", message: "This conversation has no visitor to show." });
			return;
		}
		try {
			const loaded = await loadContactDetails(request, target);
			if (mine !== generation.current) return;
			rememberDetails(target, loaded);
			setDetails(loaded);
			setFreshness({ kind: "fresh" });
		} catch (error) {
			if (mine !== generation.current) return;
			setFreshness(
				isNetworkError(error)
					? { kind: "offline" }
					: { kind: "failed", message: errorMessage(error) },
			);
		}
	}, [request, visitorId, contactId]);

	useEffect(() => {
		void load();
		return () => {
			generation.current++;
		};
	}, [load]);

	// Back online: refresh what was shown from memory.
	useEffect(() => {
		const onOnline = () => void load();
		window.addEventListener("online", onOnline);
		return () => window.removeEventListener("online", onOnline);
	}, [load]);

	const others = (details?.conversations ?? [])
		.filter((conversation) => conversation.id !== conversationId)
		.slice(0, CONVERSATIONS_SHOWN);

	return (
		<section className="dash-contact-panel" aria-labelledby={headingId}>
			<h2 id={headingId} className="dash-cp-heading">
				{details ? displayName(details) : "Contact"}
			</h2>
			<p role="status" aria-live="polite" className="dash-cp-status" data-kind={freshness.kind}>
				{statusText(freshness, details)}
			</p>
			{freshness.kind === "offline" || freshness.kind === "failed" ? (
				<div className="dash-cp-problem" data-kind={freshness.kind}>
					{freshness.kind === "failed" ? (
						<p role="alert" className="dash-cp-error">
							Could not load the contact: {freshness.message}
						</p>
					) : null}
					<button type="button" className="dash-cp-button" onClick={() => void load()}>
						Retry
					</button>
				</div>
			) : null}

			{details ? (
				<>
					<Identity details={details} />
					<NewConversation
						request={request}
						devices={details.devices}
						personName={displayName(details)}
						onCreated={(id) => {
							onOpenConversation(id);
							void load();
						}}
					/>
					{details.contact && Object.keys(details.contact.metadata).length > 0 ? (
						<div className="dash-cp-block">
							<h3 className="dash-cp-subheading">Details</h3>
							<MetadataList metadata={details.contact.metadata} label="Contact metadata" />
						</div>
					) : null}
					{details.organization && Object.keys(details.organization.metadata).length > 0 ? (
						<div className="dash-cp-block">
							<h3 className="dash-cp-subheading">{details.organization.name}</h3>
							<MetadataList
								metadata={details.organization.metadata}
								label={`${details.organization.name} metadata`}
							/>
						</div>
					) : null}
					<DeviceList devices={details.devices} currentVisitorId={visitorId ?? null} />
					<ConversationList conversations={others} onOpen={onOpenConversation} />
				</>
			) : null}
		</section>
	);
}

function displayName(details: ContactDetails): string {
	const { contact } = details;
	return contact?.name ?? contact?.email ?? (contact ? "Unnamed contact" : "Anonymous visitor");
}

function statusText(freshness: Freshness, details: ContactDetails | undefined): string {
	switch (freshness.kind) {
		case "loading":
			// Details from memory are shown at once; a refresh is silent unless it fails.
			return details ? "" : "Loading contact details…";
		case "offline":
			return details
				? `Offline — showing last known details (as of ${fullTime(details.loadedAt)}).`
				: "Offline — contact details are unavailable until the connection returns.";
		case "failed":
			return details ? "Could not refresh — showing last known details." : "";
		case "fresh":
			return "";
	}
}

/** Name, email, identity and where / when the visitor is. */
function Identity({ details }: { details: ContactDetails }) {
	const { contact, organization, visitor } = details;
	const language = visitor?.language ?? null;
	const timezone = visitor?.timezone ?? null;
	const localTime = timezone ? localTimeIn(timezone) : null;
	return (
		// biome-ignore lint/a11y/useSemanticElements: name / value pairs, not form controls: a fieldset would mislead
		<div role="group" aria-label="Identity">
			<dl className="dash-cp-pairs dash-cp-identity">
				<div className="dash-cp-pair">
					<dt>Status</dt>
					<dd>
						{contact ? "Identified contact" : "Anonymous visitor"}
						{visitor?.isBlocked ? (
							<span className="dash-cp-badge dash-cp-danger">Blocked</span>
						) : null}
					</dd>
				</div>
				{contact?.email ? (
					<div className="dash-cp-pair">
						<dt>Email</dt>
						<dd>
							<a href={`mailto:${contact.email}`}>{contact.email}</a>
						</dd>
					</div>
				) : null}
				{contact?.externalId ? (
					<div className="dash-cp-pair">
						<dt>External id</dt>
						<dd className="dash-cp-mono">{contact.externalId}</dd>
					</div>
				) : null}
				{organization ? (
					<div className="dash-cp-pair">
						<dt>Company</dt>
						<dd>{organization.name}</dd>
					</div>
				) : null}
				<div className="dash-cp-pair">
					<dt>Language</dt>
					<dd>{language ? languageName(language) : "Unknown"}</dd>
				</div>
				<div className="dash-cp-pair">
					<dt>Timezone</dt>
					<dd>
						{timezone ?? "Unknown"}
						{localTime ? <span className="dash-cp-muted"> · {localTime} there now</span> : null}
					</dd>
				</div>
				{visitor ? (
					<div className="dash-cp-pair">
						<dt>Last seen</dt>
						<dd title={fullTime(visitor.lastSeenAt)}>{relativeTime(visitor.lastSeenAt)}</dd>
					</div>
				) : null}
				<div className="dash-cp-pair">
					<dt>{contact ? "Contact id" : "Visitor id"}</dt>
					<dd className="dash-cp-mono">{contact?.id ?? visitor?.id}</dd>
				</div>
			</dl>
		</div>
	);
}
