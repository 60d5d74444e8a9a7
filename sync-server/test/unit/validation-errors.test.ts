// A request that fails validation is a 400 `validation_failed` whose details say, per problem,
// where (a dot path from the body's root) and what: also for unions, whose alternatives' own
// issues valibot nests under one issue with paths relative to the union.

import type { Request, Response } from "express";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { validationDetails } from "../../src/errors/validation-issues.ts";
import { errorHandler } from "../../src/http/error-handler.ts";
import { createLogger } from "../../src/logger.ts";

function issuesOf(schema: v.GenericSchema, input: unknown): v.BaseIssue<unknown>[] {
	const result = v.safeParse(schema, input);
	if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
	return result.issues;
}

/** What the error handler answers for `error`. */
function rendered(error: unknown): { status: number; body: unknown } {
	const answer = { status: 0, body: undefined as unknown };
	const res = {
		status(code: number) {
			answer.status = code;
			return this;
		},
		json(body: unknown) {
			answer.body = body;
			return this;
		},
	} as unknown as Response;
	errorHandler(createLogger("silent"))(error, {} as Request, res, () => {});
	return answer;
}

describe("validation details", () => {
	it("gives every failing field its dot path, and the value itself the empty path", () => {
		const schema = v.strictObject({
			email: v.pipe(v.string(), v.regex(/@/, "Invalid email address")),
			tags: v.array(v.pipe(v.string(), v.maxLength(3))),
		});
		expect(validationDetails(issuesOf(schema, { email: "x", tags: ["ok", "long"] }))).toEqual([
			{ path: "email", message: "Invalid email address" },
			{ path: "tags.1", message: expect.stringMatching(/length/i) },
		]);
		expect(validationDetails(issuesOf(schema, "nope"))).toEqual([
			{ path: "", message: expect.stringMatching(/Object/) },
		]);
	});

	it("reports what is wrong inside a union's alternatives, with paths from the root", () => {
		const schema = v.object({
			target: v.union([
				v.object({ userId: v.string() }),
				v.object({ visitorId: v.pipe(v.string(), v.minLength(8)) }),
			]),
		});
		const details = validationDetails(issuesOf(schema, { target: { userId: 1, visitorId: 2 } }));
		expect(details.map((d) => d.path).sort()).toEqual(["target.userId", "target.visitorId"]);
		for (const detail of details) expect(detail.message).toMatch(/Expected string/);
	});

	it("keeps a union's own issue when every alternative refused the value itself", () => {
		const schema = v.object({ value: v.union([v.string(), v.number(), v.null()]) });
		const details = validationDetails(issuesOf(schema, { value: {} }));
		expect(details).toEqual([{ path: "value", message: expect.stringMatching(/string/) }]);
		expect(details[0]?.message).toMatch(/number/);
	});

	it("says the same problem at the same place once", () => {
		const inner = v.object({ id: v.string() });
		const schema = v.object({
			item: v.union([inner, v.object({ ...inner.entries, n: v.number() })]),
		});
		const details = validationDetails(issuesOf(schema, { item: { id: 5, n: 1 } }));
		expect(details).toEqual([{ path: "item.id", message: expect.stringMatching(/string/) }]);
	});
});

describe("the error handler", () => {
	it("answers a ValiError with 400 validation_failed and the details", () => {
		const schema = v.strictObject({ name: v.pipe(v.string(), v.minLength(1)) });
		let error: unknown;
		try {
			v.parse(schema, { name: "", extra: true });
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(v.ValiError);
		const { status, body } = rendered(error);
		expect(status).toBe(400);
		expect(body).toEqual({
			error: {
				code: "validation_failed",
				message: "The request is invalid.",
				details: [
					{ path: "name", message: expect.any(String) },
					{ path: "extra", message: expect.any(String) },
				],
			},
		});
	});

	it("answers anything else it does not know with 500, saying nothing of it", () => {
		const { status, body } = rendered(new TypeError("secret internals"));
		expect(status).toBe(500);
		expect(JSON.stringify(body)).not.toContain("secret");
	});
});
