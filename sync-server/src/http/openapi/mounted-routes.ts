import type { Express } from "express";
import type { HttpMethod } from "./operation.ts";

/** A route Express serves: method and full path as mounted (`/v1/websites/:websiteId`). */
export interface MountedRoute {
	method: HttpMethod | string;
	path: string;
}

interface Layer {
	route?: { path: unknown; methods: Record<string, boolean> };
	handle?: { stack?: Layer[] };
	rawPath?: unknown;
}

/**
 * Lists every route of an Express 5 app by walking its router stack, nested routers included
 * (their mount paths are prefixed). Middleware without a route (CORS, body parsing, limits) is
 * not a route. Used to prove the OpenAPI document covers everything the server mounts.
 */
export function mountedRoutes(app: Express): MountedRoute[] {
	const root = (app as unknown as { router: { stack: Layer[] } }).router;
	const routes: MountedRoute[] = [];
	const walk = (stack: readonly Layer[], prefix: string) => {
		for (const layer of stack) {
			if (layer.route) {
				for (const path of paths(layer.route.path)) {
					for (const [method, on] of Object.entries(layer.route.methods)) {
						if (on && method !== "_all") routes.push({ method, path: join(prefix, path) });
					}
				}
			} else if (layer.handle?.stack) {
				for (const path of paths(layer.rawPath)) walk(layer.handle.stack, join(prefix, path));
			}
		}
	};
	walk(root.stack, "");
	return routes;
}

function paths(value: unknown): string[] {
	if (typeof value === "string") return [value];
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
	// A RegExp path cannot be documented as a template; it shows up as such and fails the check.
	return [String(value)];
}

function join(prefix: string, path: string): string {
	const joined = `${prefix}/${path}`.replace(/\/+/g, "/");
	return joined.length > 1 ? joined.replace(/\/$/, "") : joined;
}
