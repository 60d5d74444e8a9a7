/**
 * Child processes for benchmarks: a load generator (or a server whose memory is measured alone)
 * runs in its own Node process, so its event loop does not compete with the one measured.
 * Parent and child talk over Node's IPC channel with a tiny request / response protocol.
 */
import { type ChildProcess, fork } from "node:child_process";

interface Request {
	id: number;
	method: string;
	params: unknown;
}

type Response = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The parent's handle on a worker process. */
export interface Worker {
	readonly process: ChildProcess;
	/** Calls `method` in the worker and resolves with what its handler returned. */
	call<T>(method: string, params?: unknown): Promise<T>;
	/** Asks the worker to exit (SIGTERM after `graceMs`, then SIGKILL); resolves once it did. */
	close(graceMs?: number): Promise<void>;
}

/** Options of {@link startWorker}. */
export interface WorkerOptions {
	/** Extra environment variables for the worker. */
	env?: Record<string, string>;
	/** Extra Node flags (e.g. `--max-old-space-size=8192`), after the parent's own. */
	nodeFlags?: string[];
	/** Receives the worker's stderr lines (progress, errors). */
	log?: (line: string) => void;
}

/**
 * Forks `modulePath` (a TypeScript module that calls {@link serveWorker}) with the parent's
 * Node flags (`--conditions=@cossistant/source --import tsx`), so it runs from source too.
 */
export async function startWorker(
	modulePath: string,
	options: WorkerOptions = {},
): Promise<Worker> {
	// BENCH_CPU_PROF_DIR=<dir>: every worker writes a V8 CPU profile there when it exits.
	const profileDir = process.env.BENCH_CPU_PROF_DIR;
	const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
	const child = fork(modulePath, [], {
		execArgv: [...process.execArgv, ...(options.nodeFlags ?? []), ...profiling],
		env: { ...process.env, ...options.env },
		stdio: ["ignore", "inherit", "pipe", "ipc"],
	});
	const log = options.log ?? (() => {});
	let buffered = "";
	child.stderr?.on("data", (chunk: Buffer) => {
		buffered += chunk.toString();
		const lines = buffered.split("\n");
		buffered = lines.pop() ?? "";
		for (const line of lines) if (line.trim()) log(line);
	});
	let nextId = 1;
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let exited: Error | null = null;
	child.on("message", (message: Response | { ready: true }) => {
		if ("ready" in message) return;
		const waiter = pending.get(message.id);
		if (!waiter) return;
		pending.delete(message.id);
		if (message.ok) waiter.resolve(message.value);
		else waiter.reject(new Error(message.error));
	});
	const exit = new Promise<void>((resolve) => {
		child.once("exit", (code, signal) => {
			exited = new Error(`worker ${modulePath} exited (${signal ?? code})`);
			for (const waiter of pending.values()) waiter.reject(exited);
			pending.clear();
			resolve();
		});
	});
	await new Promise<void>((resolve, reject) => {
		const onMessage = (message: unknown) => {
			if ((message as { ready?: boolean }).ready) {
				child.off("message", onMessage);
				resolve();
			}
		};
		child.on("message", onMessage);
		child.once("exit", (code) => reject(new Error(`worker ${modulePath} exited early (${code})`)));
	});
	return {
		process: child,
		call<T>(method: string, params?: unknown): Promise<T> {
			if (exited) return Promise.reject(exited);
			const id = nextId++;
			return new Promise<T>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
				child.send({ id, method, params } satisfies Request);
			});
		},
		async close(graceMs = 5_000) {
			if (exited) return;
			child.send({ id: 0, method: "__exit", params: null } satisfies Request);
			const timer = setTimeout(() => {
				child.kill("SIGTERM");
				setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
			}, graceMs);
			await exit;
			clearTimeout(timer);
		},
	};
}

/** A worker's methods: each takes the params the parent sent and returns (a promise of) a value. */
export type WorkerHandlers = Record<string, (params: never) => unknown>;

/**
 * Serves `handlers` to the parent over IPC (call once, at the top level of a worker module).
 * `onExit` runs when the parent asks the worker to stop, before it exits.
 */
export function serveWorker(handlers: WorkerHandlers, onExit?: () => Promise<void> | void): void {
	const send = process.send?.bind(process);
	if (!send) throw new Error("serveWorker: not started with an IPC channel (use startWorker)");
	process.on("message", async (request: Request) => {
		if (request.method === "__exit") {
			try {
				await onExit?.();
			} finally {
				process.exit(0);
			}
		}
		const handler = handlers[request.method];
		try {
			if (!handler) throw new Error(`unknown worker method ${request.method}`);
			const value = await (handler as (params: unknown) => unknown)(request.params);
			send({ id: request.id, ok: true, value } satisfies Response);
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			send({ id: request.id, ok: false, error: message } satisfies Response);
		}
	});
	// The parent vanished (crash, Ctrl-C): do not linger with thousands of sockets open.
	process.on("disconnect", () => process.exit(0));
	send({ ready: true });
}
