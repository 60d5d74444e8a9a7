import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where a file or folder the server reads at run time lives: beside the built server when it
 * was packaged (`dist/migrations`, `dist/dashboard`: the build copies them there), else at its
 * place in the repository when the server runs from its TypeScript sources.
 *
 * @param moduleUrl - `import.meta.url` of the calling module (in a build, a file of `dist/`).
 * @param besideBuild - the path relative to a built file, e.g. `./migrations`.
 * @param inRepository - the path relative to the calling source file, e.g. `../../../prisma/migrations`.
 * @returns an absolute file-system path.
 * @example assetPath(import.meta.url, "./dashboard", "../../dashboard/dist")
 */
export function assetPath(moduleUrl: string, besideBuild: string, inRepository: string): string {
	const built = fileURLToPath(new URL(besideBuild, moduleUrl));
	return existsSync(built) ? built : fileURLToPath(new URL(inRepository, moduleUrl));
}
