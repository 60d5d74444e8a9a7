import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { resolve } from "node:path";

// PGlite is Postgres in single-user mode and takes no lock on its data directory: a second
// process (a second `npm start`, a `create-admin` beside a running server) opens it too, both
// write, and the directory is left unreadable. Postgres itself refuses with `postmaster.pid`;
// this is the same idea, in a file beside the directory so that PGlite's own files are untouched.

/** Thrown when another live process (or this one) already holds the PGlite data directory. */
export class DataDirInUseError extends Error {
	override name = "DataDirInUseError";
	constructor(
		readonly dataDir: string,
		readonly holderPid: number,
		readonly lockPath: string,
	) {
		super(
			`The PGlite data directory ${dataDir} is in use by process ${holderPid}${holderPid === process.pid ? " (this one)" : ""}. ` +
				"Only one process may open it: stop that server first, or set DATABASE_URL to PostgreSQL to run several processes. " +
				`If no server is running, delete ${lockPath}.`,
		);
	}
}

/** Releases a lock taken by `lockDataDir`; idempotent. */
export type ReleaseDataDirLock = () => void;

/**
 * Takes the lock of a PGlite data directory: `<dataDir>.lock`, created exclusively, holding this
 * process's id. A lock whose process is gone (a killed server) is taken over; a live holder
 * makes this throw `DataDirInUseError`. Released by the returned function and, as a last resort,
 * when the process exits.
 */
export function lockDataDir(dataDir: string): ReleaseDataDirLock {
	const lockPath = `${resolve(dataDir)}.lock`;
	for (let attempt = 0; ; attempt++) {
		try {
			const fd = openSync(lockPath, "wx");
			try {
				writeSync(fd, `${process.pid}\n`);
			} finally {
				closeSync(fd);
			}
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
			const holder = readHolder(lockPath);
			if (holder !== null && isAlive(holder)) {
				throw new DataDirInUseError(resolve(dataDir), holder, lockPath);
			}
			// The holder is gone (or the file is unreadable garbage): take the lock over.
			rmSync(lockPath, { force: true });
		}
	}
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		process.off("exit", release);
		if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
	};
	process.on("exit", release);
	return release;
}

function readHolder(lockPath: string): number | null {
	try {
		const pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
		return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

/** Whether a process with this id exists (signal 0 checks without signalling). */
function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else, which still means the directory is taken.
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}
