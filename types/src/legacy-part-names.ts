/**
 * Image and file parts were once written with `fileName` where the documented contract says
 * `name`. Rows and documents written then are never rewritten (a Yjs document's content is
 * immutable under its ids, and a migration would have to reach every cached copy in every
 * browser too), so every reader renames the old key instead: the part schemas do it before
 * they check a part, and readers that skip the schema (REST rows, items a client validated in
 * an earlier run) call this directly. A part that already has a `name` keeps it.
 *
 * Returns `part` itself when there is nothing to rename, so cached objects stay identical.
 */
export function renameLegacyFileName(part: unknown): unknown {
	if (typeof part !== "object" || part === null || !("fileName" in part)) return part;
	const { fileName, ...rest } = part as { fileName: unknown } & Record<string, unknown>;
	const type = rest.type;
	if (type !== "image" && type !== "file") return part;
	return "name" in rest ? rest : { ...rest, name: fileName };
}

/**
 * `item` with {@link renameLegacyFileName} applied to its parts, for readers that do not run
 * the schema; `item` itself when no part needed it.
 */
export function withLegacyFileNamesRenamed<T extends { parts: readonly unknown[] }>(item: T): T {
	const parts = item.parts.map(renameLegacyFileName);
	return parts.every((part, index) => part === item.parts[index]) ? item : { ...item, parts };
}
