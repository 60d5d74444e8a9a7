import { HEADERS } from "@cossistant/types";
import type { RequestHandler } from "express";

const ALLOWED_HEADERS = ["content-type", "authorization", ...Object.values(HEADERS)].join(", ");

/**
 * CORS for the widget, which calls the API from the host site's origin. The origin is reflected
 * so the browser can read responses, errors included; whether an origin may *use* a public key
 * is decided per request by the key's allowed domains, not here.
 */
export const cors: RequestHandler = (req, res, next) => {
	const origin = req.headers.origin;
	if (origin) {
		res.setHeader("Access-Control-Allow-Origin", origin);
		res.setHeader("Vary", "Origin");
		res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
		res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
		res.setHeader("Access-Control-Max-Age", "600");
	}
	if (req.method === "OPTIONS") {
		res.status(204).end();
		return;
	}
	next();
};
