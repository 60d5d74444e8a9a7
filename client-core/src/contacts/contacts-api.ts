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
	onVisitor: (visitor: PublicVisitor) => void;
}

/**
 * Identify and contact metadata (docs: Contacts). Metadata is hashed (SHA-256 of canonical
 * JSON): metadata equal to what was last sent makes no request at all.
 */
export class ContactsApi {
	constructor(private readonly options: ContactsApiOptions) {}

	/** Links this visitor to a contact (`externalId` and/or `email`), creating it if needed. */
	async identify(params: IdentifyParams): Promise<IdentifyResponse> {
		const body = identifyParamsSchema.parse(params);
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
	 * Sets the contact's metadata (after `identify()`); skipped when unchanged. Returns whether
	 * anything was sent.
	 */
	async setVisitorMetadata(metadata: VisitorMetadata): Promise<boolean> {
		const valid = visitorMetadataSchema.parse(metadata);
		const hash = await hashMetadata(valid);
		if (this.options.storage.get(this.key()) === hash) return false;
		await this.options.enqueue({ id: newId(), type: "contact.setMetadata", metadata: valid });
		this.remember(hash);
		return true;
	}

	private remember(hash: string): void {
		this.options.storage.set(this.key(), hash);
	}

	private key(): string {
		return `cossistant:metadata-hash:${this.options.visitorId() ?? "anonymous"}`;
	}
}
