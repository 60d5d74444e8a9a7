import type { RequestHandler, Response } from "express";
import { ApiError } from "../errors/api-error.ts";
import { FailureLimiter } from "../limits/failure-limiter.ts";
import { TokenBucketLimiter } from "../limits/token-bucket.ts";

/** Failed logins are counted over this window (and locked until the oldest leaves it). */
const LOGIN_WINDOW_MS = 15 * 60_000;
/** An IP may fail this many times more than one email: offices share an address. */
const LOGIN_IP_FACTOR = 5;

/** The REST abuse limits (from the configuration). */
export interface RestLimits {
	/** Requests per minute per client IP. */
	requestsPerMinute: number;
	/** Failed logins per email per 15 minutes (per IP: five times as many). */
	loginMaxFailures: number;
}

/** A 429 `rate_limited` error with `Retry-After` (seconds) set on the response. */
export function rateLimited(res: Response, retryAfterMs: number, message: string): ApiError {
	const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
	res.setHeader("Retry-After", String(seconds));
	return new ApiError(429, "rate_limited", `${message} Retry in ${seconds} s.`, {
		retryAfterSeconds: seconds,
	});
}

/**
 * Per-IP token bucket in front of every `/v1` route. Mounted after CORS, so a browser can read
 * the 429, and before body parsing, so a flood costs as little as possible.
 */
export function restRateLimit(limits: RestLimits): RequestHandler {
	const buckets = new TokenBucketLimiter(limits.requestsPerMinute, 60_000);
	return (req, res, next) => {
		const decision = buckets.take(`ip:${req.ip ?? "unknown"}`);
		if (decision.allowed) return next();
		next(rateLimited(res, decision.retryAfterMs, "Too many requests from this address."));
	};
}

/**
 * Brute-force protection of `POST /v1/auth/login`, mounted on the login route itself (after
 * body parsing). It never looks at the request path: Express also routes `/auth/Login` and
 * `/auth/login/` to that route, and every spelling must count against the same lock.
 *
 * Every attempt counts as a failure per email and per IP from the moment it starts, so a burst
 * of parallel guesses cannot slip past the check, and is forgiven when it succeeds. A locked
 * email or IP gets 429 `rate_limited` before any password is checked.
 *
 * Locking by email lets a stranger lock an agent out for up to 15 minutes; that is the usual
 * price of stopping password guessing against one account and is accepted here.
 */
export function loginRateLimit(limits: RestLimits): RequestHandler {
	const byEmail = new FailureLimiter(limits.loginMaxFailures, LOGIN_WINDOW_MS);
	const byIp = new FailureLimiter(limits.loginMaxFailures * LOGIN_IP_FACTOR, LOGIN_WINDOW_MS);
	return (req, res, next) => {
		const rawEmail = (req.body as { email?: unknown } | undefined)?.email;
		const email = typeof rawEmail === "string" ? `email:${rawEmail.trim().toLowerCase()}` : null;
		const ip = `ip:${req.ip ?? "unknown"}`;
		const wait = Math.max(byIp.retryAfterMs(ip), email ? byEmail.retryAfterMs(email) : 0);
		if (wait > 0) return next(rateLimited(res, wait, "Too many failed logins."));
		byIp.fail(ip);
		if (email) byEmail.fail(email);
		res.on("finish", () => {
			if (res.statusCode !== 200) return;
			byIp.forgive(ip);
			if (email) byEmail.reset(email);
		});
		next();
	};
}

/**
 * Guessing protection of the routes that take a one-time token (accepting an invitation),
 * mounted on each such route itself, whatever spelling of its path matched. Attempts count per
 * IP from the moment they start and are forgiven when they succeed (2xx); past
 * `loginMaxFailures × 5` failures in 15 minutes the IP gets 429 `rate_limited` before any token
 * is looked up. Tokens are long random values, so this only caps how fast a client may probe.
 */
export function tokenRateLimit(limits: RestLimits): RequestHandler {
	const byIp = new FailureLimiter(limits.loginMaxFailures * LOGIN_IP_FACTOR, LOGIN_WINDOW_MS);
	return (req, res, next) => {
		const ip = `ip:${req.ip ?? "unknown"}`;
		const wait = byIp.retryAfterMs(ip);
		if (wait > 0) return next(rateLimited(res, wait, "Too many invalid tokens."));
		byIp.fail(ip);
		res.on("finish", () => {
			if (res.statusCode >= 200 && res.statusCode < 300) byIp.forgive(ip);
		});
		next();
	};
}
