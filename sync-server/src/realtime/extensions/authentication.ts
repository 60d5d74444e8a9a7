import { CloseCodes } from "@cossistant/types";
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Principal } from "../../auth/principal.ts";
import { VisitorTokenSigner } from "../../auth/visitor-token.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Logger } from "../../logger.ts";
import type { ConnectionContext } from "../connection-context.ts";
import type { InFlightWork } from "./in-flight.ts";
import { type CloseSocket, documentRefusal } from "./refusal.ts";

export interface AuthenticationOptions {
	auth: Authenticator;
	logger: Logger;
	closeSocket: CloseSocket;
	inFlight: InFlightWork;
}

/**
 * Who is on the socket: checks its token once (every document of a socket shares it) and puts
 * the principal in the connection's context for the extensions after it. A bad token closes
 * the socket with 4401; a token that could not be checked (database unreachable) closes it with
 * 1013 so the client tries again instead of logging out.
 */
export class Authentication implements Extension<ConnectionContext> {
	extensionName = "cossistant-authentication";
	private readonly principals = new WeakMap<Request, Promise<Principal>>();
	/** Principals whose token checked out, by socket request (read by the socket supervisor). */
	private readonly resolved = new WeakMap<Request, Principal>();

	constructor(private readonly options: AuthenticationOptions) {}

	async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		try {
			data.context.principal = await this.options.inFlight.track(() => this.principalOf(data));
		} catch (error) {
			throw documentRefusal(error, data, this.options.logger, this.options.closeSocket);
		}
	}

	/** The authenticated principal of the socket that carried `request`, if any yet. */
	principalOfRequest(request: Request): Principal | undefined {
		return this.resolved.get(request);
	}

	/** Resolves the socket's principal once. */
	private principalOf(data: onAuthenticatePayload<ConnectionContext>): Promise<Principal> {
		let pending = this.principals.get(data.request);
		if (!pending) {
			pending = this.authenticate(data.token, data.context);
			this.principals.set(data.request, pending);
			pending.then(
				(principal) => this.resolved.set(data.request, principal),
				() => {},
			);
			pending.catch((error: unknown) => {
				if (error instanceof ApiError) {
					this.options.closeSocket(data.request, CloseCodes.Unauthorized, error.code);
					return;
				}
				// The token could not be checked (database unreachable): clients treat 4401 as
				// "logged out", so this must not be one. They reconnect and are checked again.
				this.options.logger.warn({ err: error }, "socket authentication failed; try again later");
				this.options.closeSocket(data.request, CloseCodes.TryAgainLater, "unavailable");
			});
		}
		return pending;
	}

	private async authenticate(token: string, context: ConnectionContext): Promise<Principal> {
		if (!token)
			throw new ApiError(401, "unauthorized", "A visitor token or session token is required.");
		if (VisitorTokenSigner.isVisitorToken(token)) {
			// Widgets must connect with their public key, so the origin check applies to them.
			const websiteId = context.publicKey?.websiteId;
			if (!websiteId)
				throw new ApiError(401, "missing_public_key", "Visitors connect with ?publicKey=.");
			const visitor = await this.options.auth.checkVisitorToken(token, websiteId);
			if (!visitor) throw new ApiError(401, "unauthorized", "Invalid visitor token.");
			// The key's environment decides whether identify needs a signature (test: optional).
			return {
				...visitor,
				keyEnvironment: context.publicKey?.environment,
				clientIp: context.clientIp,
			};
		}
		return this.options.auth.checkSession(token);
	}
}
