import { RefreshCw } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { isNetworkError, type TeamRequest } from "../api/team-request.ts";
import { visitorName } from "../inbox/visitor-name.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { CollapsibleSection } from "../ui/collapsible.tsx";
import { Skeleton } from "../ui/skeleton.tsx";
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
import { PAIR, PAIRS } from "./pairs.ts";

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

	const name = details ? displayName(details, visitorId) : "Contact";
	const status = statusText(freshness, details);
	return (
		<section className="flex flex-col" aria-labelledby={headingId}>
			<div className="flex flex-col items-center gap-2 border-b border-border px-4 pt-6 pb-4 text-center">
				{details ? (
					<Avatar name={name} seed={details.contact?.id ?? visitorId ?? name} size="lg" />
				) : (
					<Skeleton className="size-12 rounded-full" />
				)}
				<h2 id={headingId} className="m-0 text-base font-semibold break-words">
					{name}
				</h2>
				{details?.contact?.email ? (
					<p className="m-0 -mt-1 text-xs text-muted-foreground break-all">
						{details.contact.email}
					</p>
				) : null}
				<p
					role="status"
					aria-live="polite"
					className={cn(
						"m-0 text-xs",
						freshness.kind === "offline" ? "text-warning" : "text-muted-foreground",
						!status && "sr-only",
					)}
					data-kind={freshness.kind}
				>
					{status}
				</p>
				{freshness.kind === "offline" || freshness.kind === "failed" ? (
					<div className="flex flex-col items-center gap-2" data-kind={freshness.kind}>
						{freshness.kind === "failed" ? (
							<p role="alert" className="m-0 text-xs text-danger">
								Could not load the contact: {freshness.message}
							</p>
						) : null}
						<Button variant="outline" size="sm" onClick={() => void load()}>
							<RefreshCw aria-hidden="true" />
							Retry
						</Button>
					</div>
				) : null}
				{details ? (
					<NewConversation
						request={request}
						devices={details.devices}
						personName={displayName(details, visitorId)}
						onCreated={(id) => {
							onOpenConversation(id);
							void load();
						}}
					/>
				) : null}
			</div>

			{details ? (
				<>
					<CollapsibleSection title="Details">
						<Identity details={details} />
					</CollapsibleSection>
					{details.contact && Object.keys(details.contact.metadata).length > 0 ? (
						<CollapsibleSection title="Metadata">
							<MetadataList metadata={details.contact.metadata} label="Contact metadata" />
						</CollapsibleSection>
					) : null}
					{details.organization && Object.keys(details.organization.metadata).length > 0 ? (
						<CollapsibleSection title={details.organization.name}>
							<MetadataList
								metadata={details.organization.metadata}
								label={`${details.organization.name} metadata`}
							/>
						</CollapsibleSection>
					) : null}
					<DeviceList devices={details.devices} currentVisitorId={visitorId ?? null} />
					<ConversationList conversations={others} onOpen={onOpenConversation} />
				</>
			) : freshness.kind === "loading" ? (
				<div className="flex flex-col gap-3 p-4" aria-hidden="true">
					<Skeleton className="h-3 w-1/3" />
					<Skeleton className="h-3 w-2/3" />
					<Skeleton className="h-3 w-1/2" />
					<Skeleton className="h-3 w-3/5" />
				</div>
			) : null}
		</section>
	);
}

/** The contact's name or email; an anonymous visitor's friendly name (as in the inbox). */
function displayName(details: ContactDetails, visitorId: string | null | undefined): string {
	const { contact } = details;
	if (contact) return contact.name ?? contact.email ?? "Unnamed contact";
	const id = visitorId ?? details.visitor?.id;
	return id ? visitorName(id) : "Anonymous visitor";
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
			<dl className={PAIRS}>
				<div className={PAIR}>
					<dt>Status</dt>
					<dd className="flex flex-wrap items-center gap-1.5">
						{contact ? "Identified contact" : "Anonymous visitor"}
						{visitor?.isBlocked ? <Badge variant="danger">Blocked</Badge> : null}
					</dd>
				</div>
				{contact?.email ? (
					<div className={PAIR}>
						<dt>Email</dt>
						<dd className="break-all">
							<a href={`mailto:${contact.email}`}>{contact.email}</a>
						</dd>
					</div>
				) : null}
				{contact?.externalId ? (
					<div className={PAIR}>
						<dt>External id</dt>
						<dd className="font-mono text-xs break-all">{contact.externalId}</dd>
					</div>
				) : null}
				{organization ? (
					<div className={PAIR}>
						<dt>Company</dt>
						<dd>{organization.name}</dd>
					</div>
				) : null}
				<div className={PAIR}>
					<dt>Language</dt>
					<dd>{language ? languageName(language) : "Unknown"}</dd>
				</div>
				<div className={PAIR}>
					<dt>Timezone</dt>
					<dd>
						{timezone ?? "Unknown"}
						{localTime ? (
							<span className="text-muted-foreground"> · {localTime} there now</span>
						) : null}
					</dd>
				</div>
				{visitor ? (
					<div className={PAIR}>
						<dt>Last seen</dt>
						<dd title={fullTime(visitor.lastSeenAt)}>{relativeTime(visitor.lastSeenAt)}</dd>
					</div>
				) : null}
				<div className={PAIR}>
					<dt>{contact ? "Contact id" : "Visitor id"}</dt>
					<dd className="font-mono text-xs break-all">{contact?.id ?? visitor?.id}</dd>
				</div>
			</dl>
		</div>
	);
}
