import {
	type Command,
	HEADERS,
	type IdentifyParams,
	type IdentifyResponse,
	identifyParamsSchema,
	identifyResponseSchema,
	type PublicVisitor,
	type VisitorMetadata,
	visitorMetadataSchema,
} from "@cossistant/types";
import * as v from "valibot";
import { CossistantConfigurationError } from "../errors.ts";
import type { RestClient } from "../http/rest-client.ts";
import { newId } from "../ids/new-id.ts";
import type { KeyValueStore } from "../platform/key-value-store.ts";
import { hashMetadata } from "./metadata-hash.ts";

export interface ContactsApiOptions {
	rest: RestClient;
	storage: KeyValueStore;
	visitorToken: () => string | null;
	visitorId: () => string | null;
	enqueue: (command: Command) => Promise<void>;
	/** The visitor as last known (after the bootstrap): `contact` says whether it is identified. */
	visitor: () => PublicVisitor | null;
	onVisitor: (visitor: PublicVisitor) => void;
}

/** Code and message of `setVisitorMetadata()` called before the visitor is a contact. */
const NOT_IDENTIFIED =
	"Cossistant: setVisitorMetadata() needs an identified visitor (metadata is stored on contacts): call identify() first, or pass `metadata` to identify() / <IdentifySupportVisitor />.";

/**
 * Identify and contact metadata (docs: Contacts). Metadata is hashed (SHA-256 of canonical
 * JSON): metadata equal to what the server last applied, or to what is on its way, makes no
 * request at all. The hash is remembered only once the server applied the metadata, so metadata
 * it refused is sent again the next time.
 */
export class ContactsApi {
	/** The identify() under way: metadata set meanwhile waits for its outcome. */
	private identifying: Promise<unknown> | null = null;
	/** Hashes of the metadata commands queued and not answered yet, by command id. */
	private readonly inFlight = new Map<string, string>();

	constructor(private readonly options: ContactsApiOptions) {}

	/** Links this visitor to a contact (`externalId` and/or `email`), creating it if needed. */
	identify(params: IdentifyParams): Promise<IdentifyResponse> {
		const running = this.sendIdentify(params);
		this.identifying = running;
		const settle = () => {
			if (this.identifying === running) this.identifying = null;
		};
		running.then(settle, settle);
		return running;
	}

	private async sendIdentify(params: IdentifyParams): Promise<IdentifyResponse> {
		const body = v.parse(identifyParamsSchema, params);
		const token = this.options.visitorToken();
		if (!token) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		const response = await this.options.rest.request("/contacts/identify", {
			method: "POST",
			body,
			headers: { [HEADERS.visitorToken]: token },
			schema: identifyResponseSchema,
		});
		if (body.metadata) this.remember(await hashMetadata(body.metadata));
		this.options.onVisitor(response.visitor);
		return response;
	}

	/**
	 * Replaces the contact's metadata. Resolves `true` once the change is durably queued (it is
	 * applied when the server receives it, offline too), `false` when it equals what the server
	 * applied last or what is already on its way (nothing sent). Rejects with a
	 * CossistantConfigurationError `visitor_not_identified` when the visitor is not a contact
	 * yet (an identify() under way is waited for first): nothing is queued then, so call it
	 * again after identify().
	 */
	async setVisitorMetadata(metadata: VisitorMetadata): Promise<boolean> {
		const valid = v.parse(visitorMetadataSchema, metadata);
		const hash = await hashMetadata(valid);
		await this.identifying?.catch(() => undefined);
		if (!this.options.visitor()?.contact) {
			throw new CossistantConfigurationError(NOT_IDENTIFIED, "visitor_not_identified");
		}
		if (this.options.storage.get(this.key()) === hash) return false;
		for (const pending of this.inFlight.values()) if (pending === hash) return false;
		const id = newId();
		this.inFlight.set(id, hash);
		try {
			await this.options.enqueue({ id, type: "contact.setMetadata", metadata: valid });
		} catch (error) {
			this.inFlight.delete(id);
			throw error;
		}
		return true;
	}

	/**
	 * The server answered a `contact.setMetadata` (sent by this run of the client or queued before a
	 * reload): applied, its hash is remembered; refused, it is forgotten so the same metadata is
	 * sent again.
	 */
	async settled(command: Command, applied: boolean): Promise<void> {
		if (command.type !== "contact.setMetadata") return;
		const hash = this.inFlight.get(command.id) ?? (await hashMetadata(command.metadata));
		this.inFlight.delete(command.id);
		if (applied) this.remember(hash);
	}

	private remember(hash: string): void {
		this.options.storage.set(this.key(), hash);
	}

	private key(): string {
		return `cossistant:metadata-hash:${this.options.visitorId() ?? "anonymous"}`;
	}
}
