import { randomBytes } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";

/** Storage keys are `<2-char shard>/<id>`: ids are base64url, so both parts are path-safe. */
const STORAGE_KEY = /^[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{8,64}$/;

/**
 * Uploaded files on local disk under one directory (`UPLOAD_DIR`, default `DATA_DIR/uploads`).
 * Files are written to a temporary name and renamed into place, so a crash mid-write never
 * leaves a half file under a real key. Keys are sharded by their first two characters so no
 * directory grows to millions of entries. Nothing here trusts a key from outside: every path is
 * checked to stay inside the root.
 */
export class UploadStore {
	readonly root: string;

	constructor(root: string) {
		this.root = resolve(root);
	}

	/** A fresh random 128-bit id (22 base64url characters): the upload's capability. */
	static newId(): string {
		return randomBytes(16).toString("base64url");
	}

	/** Writes `bytes` under `id`; returns the storage key to record. */
	async put(id: string, bytes: Uint8Array): Promise<string> {
		const key = `${id.slice(0, 2)}/${id}`;
		const target = this.pathOf(key);
		const temporary = join(this.root, "tmp", `${id}.${randomBytes(4).toString("hex")}.part`);
		await mkdir(join(this.root, "tmp"), { recursive: true });
		await mkdir(join(this.root, id.slice(0, 2)), { recursive: true });
		try {
			await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
			await rename(temporary, target);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
		return key;
	}

	/** A stream of the stored file, or `null` when it is gone. */
	async open(key: string): Promise<ReadStream | null> {
		const path = this.pathOf(key);
		try {
			if (!(await stat(path)).isFile()) return null;
		} catch {
			return null;
		}
		return createReadStream(path);
	}

	/** Removes a stored file (missing is fine). */
	async delete(key: string): Promise<void> {
		await rm(this.pathOf(key), { force: true });
	}

	private pathOf(key: string): string {
		if (!STORAGE_KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
		const path = resolve(this.root, key);
		if (!path.startsWith(this.root + sep)) throw new Error("storage key escapes the upload root");
		return path;
	}
}
