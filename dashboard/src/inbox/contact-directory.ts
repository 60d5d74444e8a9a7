import { contactResponseSchema } from "@cossistant/types";
import * as v from "valibot";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TeamRequest } from "../api/team-request.ts";
import { visitorName } from "./visitor-name.ts";

/** What the inbox shows and searches of a contact. */
export interface ContactCard {
	name: string | null;
	email: string | null;
}

const MAX_PARALLEL = 4;
const MAX_CACHED = 20_000;

/**
 * Names and emails of contacts, for inbox rows and search. The inbox document carries only
 * ids, so cards are fetched (`GET /v1/contacts/:id`) for the rows that come on screen, a few
 * at a time, and kept on the device (localStorage) so search and rows work offline.
 */
export class ContactDirectory {
	readonly state: StoreApi<{ cards: ReadonlyMap<string, ContactCard> }>;
	private readonly key: string;
	private readonly queue: string[] = [];
	private readonly requested = new Set<string>();
	private running = 0;
	private saveTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly request: TeamRequest,
		websiteId: string,
	) {
		this.key = `cossistant:dashboard-contacts:${websiteId}`;
		this.state = createStore(() => ({ cards: this.load() }));
	}

	get(contactId: string): ContactCard | undefined {
		return this.state.getState().cards.get(contactId);
	}

	/** Asks for cards not known yet (deduplicated, a few requests at a time). */
	want(contactIds: Iterable<string>): void {
		for (const id of contactIds) {
			if (this.requested.has(id)) continue;
			this.requested.add(id);
			this.queue.push(id);
		}
		this.pump();
	}

	/** Fetches a card again (the contact panel changed it). */
	refresh(contactId: string): void {
		this.requested.delete(contactId);
		this.want([contactId]);
	}

	private pump(): void {
		while (this.running < MAX_PARALLEL && this.queue.length > 0) {
			const id = this.queue.shift();
			if (!id) break;
			this.running += 1;
			void this.fetchOne(id).finally(() => {
				this.running -= 1;
				this.pump();
			});
		}
	}

	private async fetchOne(contactId: string): Promise<void> {
		try {
			const parsed = v.safeParse(
				contactResponseSchema,
				await this.request(`/contacts/${encodeURIComponent(contactId)}`),
			);
			if (!parsed.success) return;
			const { name, email } = parsed.output.contact;
			const cards = new Map(this.state.getState().cards);
			cards.set(contactId, { name, email });
			this.state.setState({ cards });
			this.scheduleSave();
		} catch {
			// Offline or gone: ask again on a later visit.
			this.requested.delete(contactId);
		}
	}

	private scheduleSave(): void {
		if (this.saveTimer) return;
		this.saveTimer = setTimeout(() => {
			this.saveTimer = null;
			const entries = [...this.state.getState().cards].slice(-MAX_CACHED);
			try {
				localStorage.setItem(this.key, JSON.stringify(entries));
			} catch {
				// Storage full: the in-memory cards still work.
			}
		}, 500);
	}

	private load(): Map<string, ContactCard> {
		try {
			const raw = JSON.parse(localStorage.getItem(this.key) ?? "[]") as unknown;
			if (!Array.isArray(raw)) return new Map();
			const cards = new Map<string, ContactCard>();
			for (const entry of raw) {
				if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
				const card = entry[1] as Partial<ContactCard> | null;
				cards.set(entry[0], {
					name: typeof card?.name === "string" ? card.name : null,
					email: typeof card?.email === "string" ? card.email : null,
				});
			}
			return cards;
		} catch {
			return new Map();
		}
	}
}

/** The name an inbox row shows: contact name, email, else the visitor's friendly name. */
export function displayName(card: ContactCard | undefined, visitorId: string): string {
	return card?.name || card?.email || visitorName(visitorId);
}
