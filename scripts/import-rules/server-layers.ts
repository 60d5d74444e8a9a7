import { dirname, join, normalize } from "node:path";
import ts from "typescript";

/**
 * The sync-server's floors, bottom first. A file may import from its own floor and the floors
 * below it, never from a floor above: the layout then reads as the architecture (docs/architecture.md).
 * Each entry is a folder or file under `sync-server/src/`.
 */
export const SERVER_FLOORS: readonly (readonly string[])[] = [
	["generated", "errors", "logger.ts", "asset-path.ts", "config.ts", "limits"],
	["persistence"],
	["auth", "documents"],
	["support", "uploads", "queries", "seed"],
	["pipeline"],
	["commands"],
	["realtime"],
	["http"],
	["server.ts"],
	["cli", "index.ts", "main.ts", "cli.ts"],
];

/** One import that reaches up a floor (or out of the map). */
export interface LayerViolation {
	file: string;
	imports: string;
	reason: string;
}

/** The floor of a path relative to `sync-server/src/`, or undefined when no floor names it. */
export function floorOf(path: string): number | undefined {
	const top = path.split("/")[0] ?? path;
	const index = SERVER_FLOORS.findIndex((floor) => floor.includes(top));
	return index === -1 ? undefined : index;
}

/**
 * Checks `files` (paths relative to `sync-server/src/`, with their source) against
 * SERVER_FLOORS: every relative import must land on the importer's floor or below.
 */
export function findLayerViolations(
	files: ReadonlyArray<{ path: string; source: string }>,
): LayerViolation[] {
	const violations: LayerViolation[] = [];
	for (const { path, source } of files) {
		const from = floorOf(path);
		if (from === undefined) {
			violations.push({ file: path, imports: "", reason: "is on no floor of SERVER_FLOORS" });
			continue;
		}
		for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
			if (!fileName.startsWith(".")) continue;
			const target = normalize(join(dirname(path), fileName));
			if (target.startsWith("..")) continue; // outside the server's source (e.g. package.json)
			const to = floorOf(target);
			if (to === undefined) {
				violations.push({ file: path, imports: target, reason: "lands on no floor" });
			} else if (to > from) {
				violations.push({
					file: path,
					imports: target,
					reason: `reaches up from floor ${from} (${SERVER_FLOORS[from]?.join(", ")}) to floor ${to} (${SERVER_FLOORS[to]?.join(", ")})`,
				});
			}
		}
	}
	return violations;
}
