import {
	type AcceptInvitationResponse,
	type AcceptInviteRequest,
	type AgentUser,
	acceptInvitationResponseSchema,
	type LoginResponse,
	loginResponseSchema,
	meResponseSchema,
	type SetupRequest,
	setupResponseSchema,
	setupStatusResponseSchema,
} from "@cossistant/types";
import * as v from "valibot";
import { createStore, type StoreApi } from "zustand/vanilla";
import { CossistantApiError } from "../errors.ts";
import { RestClient } from "../http/rest-client.ts";
import { defaultKeyValueStore, type KeyValueStore } from "../platform/key-value-store.ts";

/** What the dashboard keeps of a login, so a reload opens the app without the network. */
export interface StoredAgentSession {
	/** `st_…` bearer token. */
	token: string;
	expiresAt: string;
	user: AgentUser;
	websiteIds: string[];
	/**
	 * The websites this agent administers (a role is per website). Absent from sessions stored
	 * before the server answered it: then `user.role` is the best guess until `refresh()`.
	 */
	adminWebsiteIds?: string[];
}

/** Whether the session's agent is an admin of `websiteId` (keys, settings, team). */
export function isAdminOf(session: StoredAgentSession, websiteId: string): boolean {
	return session.adminWebsiteIds
		? session.adminWebsiteIds.includes(websiteId)
		: session.user.role === "admin";
}

export interface AgentSessionState {
	session: StoredAgentSession | null;
}

export interface AgentSessionOptions {
	/** REST base, e.g. `https://support.example.com/v1`. */
	apiUrl: string;
	/** Where the session is kept. @default localStorage, memory elsewhere */
	storage?: KeyValueStore;
	fetch?: typeof fetch;
}

/** Methods a team REST call accepts (the dashboard's `TeamRequest`). */
export interface AgentRequestInit {
	method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
	body?: unknown;
}

/**
 * An agent's session: login, first-admin setup, logout and authenticated REST calls.
 *
 * The session (token, user, websites) is stored per API URL, so a reload restores it without
 * a request: the dashboard opens offline and queues work under the stored identity. A `401`
 * from the server (expired or revoked session) clears it.
 */
export class AgentSession {
	readonly state: StoreApi<AgentSessionState>;
	private readonly rest: RestClient;
	private readonly storage: KeyValueStore;
	private readonly storageKey: string;

	constructor(options: AgentSessionOptions) {
		this.rest = new RestClient({ apiUrl: options.apiUrl, fetch: options.fetch });
		this.storage = options.storage ?? defaultKeyValueStore();
		this.storageKey = `cossistant:agent-session:${options.apiUrl.replace(/\/+$/, "")}`;
		this.state = createStore<AgentSessionState>(() => ({ session: this.read() }));
	}

	/** The current session, or null when logged out. */
	get current(): StoredAgentSession | null {
		return this.state.getState().session;
	}

	/** `GET /v1/setup`: whether the install still has no agent. */
	async needsSetup(): Promise<boolean> {
		const status = validate(setupStatusResponseSchema, await this.rest.request("/setup"), "/setup");
		return status.needsSetup;
	}

	/** `POST /v1/auth/login`; stores the session. Wrong credentials reject with `invalid_credentials`. */
	async login(email: string, password: string): Promise<StoredAgentSession> {
		const response = await this.rest.request("/auth/login", {
			method: "POST",
			body: { email, password },
		});
		return this.store(validate(loginResponseSchema, response, "/auth/login"));
	}

	/** `POST /v1/setup`: creates the first admin and website of an empty install, logged in. */
	async setup(request: SetupRequest): Promise<StoredAgentSession> {
		const response = await this.rest.request("/setup", { method: "POST", body: request });
		return this.store(validate(setupResponseSchema, response, "/setup"));
	}

	/**
	 * Refreshes role and websites (`GET /v1/auth/me`). A `401` ends the session; a network error
	 * keeps the stored one (offline start).
	 */
	async refresh(): Promise<StoredAgentSession | null> {
		const session = this.current;
		if (!session) return null;
		const me = validate(meResponseSchema, await this.request("/auth/me"), "/auth/me");
		const next: StoredAgentSession = {
			...session,
			user: { ...session.user, name: me.name, role: me.role },
			websiteIds: me.websiteIds,
			adminWebsiteIds: me.adminWebsiteIds,
		};
		this.write(next);
		return next;
	}

	/**
	 * `POST /v1/auth/accept-invite`: a new person accepts an invitation (its one-time code),
	 * creating the account the invitation names with this password (and name), and is logged
	 * in. An unknown, used or expired code rejects with `not_found`; an email that already has
	 * an account with `conflict` (its owner logs in and calls {@link acceptInvitation}).
	 */
	async acceptInvite(request: AcceptInviteRequest): Promise<StoredAgentSession> {
		const response = await this.rest.request("/auth/accept-invite", {
			method: "POST",
			body: request,
		});
		return this.store(validate(loginResponseSchema, response, "/auth/accept-invite"));
	}

	/**
	 * `POST /v1/invitations/accept`: the logged-in agent accepts an invitation (its one-time
	 * code) addressed to its email and joins that website; the stored websites are refreshed.
	 * An unknown, used, expired or someone else's code rejects with `not_found`.
	 */
	async acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
		const response = await this.request("/invitations/accept", {
			method: "POST",
			body: { token },
		});
		const accepted = validate(acceptInvitationResponseSchema, response, "/invitations/accept");
		await this.refresh();
		return accepted;
	}

	/**
	 * Ends the session on the server (best effort: offline, it is only forgotten locally, and
	 * expires on the server by itself) and forgets it.
	 */
	async logout(): Promise<void> {
		const session = this.current;
		this.clear();
		if (!session) return;
		try {
			await this.rest.request("/auth/logout", {
				method: "POST",
				headers: { authorization: `Bearer ${session.token}` },
			});
		} catch {
			// Offline or already expired: nothing more to end.
		}
	}

	/** Forgets the stored session (after a 401, or logout). */
	clear(): void {
		this.storage.remove(this.storageKey);
		this.state.setState({ session: null });
	}

	/**
	 * An authenticated JSON request relative to the API base. Rejects with a CossistantApiError
	 * carrying `status` and the server's `code`; a 401 also ends the session.
	 */
	async request<T = unknown>(
		path: string,
		init: AgentRequestInit & { signal?: AbortSignal } = {},
	): Promise<T> {
		const session = this.current;
		if (!session) throw new CossistantApiError(401, "unauthorized", "Not logged in.");
		try {
			return await this.rest.request<T>(path, {
				...init,
				headers: { authorization: `Bearer ${session.token}` },
			});
		} catch (error) {
			if (error instanceof CossistantApiError && error.status === 401 && this.current === session)
				this.clear();
			throw error;
		}
	}

	private store(response: LoginResponse): StoredAgentSession {
		const session: StoredAgentSession = {
			token: response.token,
			expiresAt: response.expiresAt,
			user: response.user,
			websiteIds: response.websiteIds,
			adminWebsiteIds: response.adminWebsiteIds,
		};
		this.write(session);
		return session;
	}

	private write(session: StoredAgentSession): void {
		this.storage.set(this.storageKey, JSON.stringify(session));
		this.state.setState({ session });
	}

	private read(): StoredAgentSession | null {
		const raw = this.storage.get(this.storageKey);
		if (!raw) return null;
		try {
			const parsed = v.safeParse(loginResponseSchema, JSON.parse(raw));
			if (!parsed.success || Date.parse(parsed.output.expiresAt) <= Date.now()) return null;
			return parsed.output;
		} catch {
			return null;
		}
	}
}

/** Validates a response body: the client trusts no wire. */
function validate<T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string): T {
	const parsed = v.safeParse(schema, value);
	if (!parsed.success)
		throw new CossistantApiError(200, "invalid_response", `Unexpected response from ${path}`);
	return parsed.output;
}
