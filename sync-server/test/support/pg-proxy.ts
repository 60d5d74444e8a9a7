import { connect, createServer, type Server, type Socket } from "node:net";

/** What the proxy does with traffic: forward it, drop every connection, or hold it. */
export type ProxyMode = "up" | "severed" | "blackholed";

/** One client connection and its upstream twin, with bytes held during a blackhole. */
interface Pair {
	client: Socket;
	upstream: Socket | null;
	/** Bytes from the client not yet forwarded (blackholed, or before upstream connected). */
	toUpstream: Buffer[];
	/** Bytes from upstream not yet forwarded (blackholed). */
	toClient: Buffer[];
}

/**
 * A TCP proxy between the sync-server and PostgreSQL that a test can break and heal, so an
 * outage never touches the machine's PostgreSQL service (other people and CI share it):
 *
 * - `sever()`: PostgreSQL is down. Every open connection is reset and new ones are closed at
 *   once (the driver sees "Connection terminated" / ECONNRESET).
 * - `blackhole()`: the network drops packets. Connections stay open but nothing gets through
 *   in either direction; new connections are accepted and hang. Bytes are held, as TCP
 *   retransmission would, and delivered on `restore()`.
 * - `restore()`: forwarding resumes (held bytes first, in order).
 */
export class PgProxy {
	private readonly pairs = new Set<Pair>();
	private mode: ProxyMode = "up";

	private constructor(
		private readonly server: Server,
		private readonly target: { host: string; port: number },
	) {
		server.on("connection", (client) => this.accept(client));
	}

	/** Listens on a free loopback port, forwarding to `target`. */
	static async start(target: { host: string; port: number }): Promise<PgProxy> {
		const server = createServer();
		await new Promise<void>((resolve, reject) => {
			server.once("error", reject);
			server.listen(0, "127.0.0.1", () => resolve());
		});
		return new PgProxy(server, target);
	}

	/** The proxy for `databaseUrl`: the same URL with the proxy's host and port. */
	static forUrl(databaseUrl: string): Promise<PgProxy> {
		const url = new URL(databaseUrl);
		return PgProxy.start({ host: url.hostname || "127.0.0.1", port: Number(url.port || 5432) });
	}

	get port(): number {
		const address = this.server.address();
		return typeof address === "object" && address ? address.port : 0;
	}

	/** `databaseUrl` rewritten to go through the proxy. */
	urlFor(databaseUrl: string): string {
		const url = new URL(databaseUrl);
		url.hostname = "127.0.0.1";
		url.port = String(this.port);
		return url.toString();
	}

	get state(): ProxyMode {
		return this.mode;
	}

	/** Open client connections (how many the server's pool holds through the proxy). */
	get connections(): number {
		return this.pairs.size;
	}

	sever(): void {
		this.mode = "severed";
		for (const pair of this.pairs) this.drop(pair);
	}

	blackhole(): void {
		this.mode = "blackholed";
	}

	restore(): void {
		this.mode = "up";
		for (const pair of this.pairs) {
			if (!pair.upstream) this.connectUpstream(pair);
			else this.flush(pair);
		}
	}

	async close(): Promise<void> {
		for (const pair of this.pairs) this.drop(pair);
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private accept(client: Socket): void {
		if (this.mode === "severed") {
			client.destroy();
			return;
		}
		const pair: Pair = { client, upstream: null, toUpstream: [], toClient: [] };
		this.pairs.add(pair);
		client.on("data", (chunk) => {
			pair.toUpstream.push(chunk);
			this.flush(pair);
		});
		client.on("error", () => {});
		client.on("close", () => this.drop(pair));
		if (this.mode === "up") this.connectUpstream(pair);
	}

	private connectUpstream(pair: Pair): void {
		const upstream = connect(this.target.port, this.target.host);
		pair.upstream = upstream;
		upstream.on("connect", () => this.flush(pair));
		upstream.on("data", (chunk) => {
			pair.toClient.push(chunk);
			this.flush(pair);
		});
		upstream.on("error", () => {});
		upstream.on("close", () => this.drop(pair));
	}

	/** Forwards held bytes in both directions, unless the link is down. */
	private flush(pair: Pair): void {
		if (this.mode !== "up") return;
		const upstream = pair.upstream;
		if (upstream && !upstream.connecting && !upstream.destroyed) {
			for (const chunk of pair.toUpstream.splice(0)) upstream.write(chunk);
		}
		if (!pair.client.destroyed) {
			for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
		}
	}

	private drop(pair: Pair): void {
		if (!this.pairs.delete(pair)) return;
		// resetAndDestroy sends RST: the peer sees a reset connection, as when a server dies.
		if (!pair.client.destroyed) pair.client.resetAndDestroy();
		if (pair.upstream && !pair.upstream.destroyed) pair.upstream.destroy();
	}
}
