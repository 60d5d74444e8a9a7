import { describe, expect, it } from "vitest";
import { findProseViolations, PROSE_RULES } from "../repository-prose/prose-rules.ts";

/** Per rule: texts it must refuse, and close texts it must let through. */
const SAMPLES: Record<string, { bad: string[]; good: string[] }> = {
	"outside-shared-folder": {
		bad: [
			"Background: ../shared/CONVENTIONS.md",
			"seeded from ../../shared (the seeds)",
			"anchor (shared/DESIGN.md, 'Scale')",
			"replays shared/seeds/chaos.json",
		],
		good: [
			"a shared document, written by the server",
			"import { x } from './shared/format.ts'",
			"see docs/architecture.md",
		],
	},
	"outside-notes": {
		bad: ["as ENVIRONMENT.md says", "(DESIGN.md, steps 5–6)", "CONVENTIONS.md"],
		good: ["see docs/architecture.md", "the design: one write path", "README.md"],
	},
	"absolute-machine-path": {
		bad: [
			"open /work/main/README.md",
			"cd /home/alice/cossistant",
			"/Users/bob/src/app.ts",
			"C:\\Users\\carol\\repo",
			"written to /root/.cache",
		],
		good: [
			"http://localhost:4000/work/items",
			"bench/work/queue.ts",
			"/v1/websites",
			"the team's homework",
		],
	},
	"development-session": {
		bad: [
			"Results (fourth session, after the changes)",
			"Until the second session this was missed",
			"third session 387 / 36",
			"measured in this session",
			"found in the 3rd session",
			"the next session will fix it",
			"validated by a previous session",
			"rows of the last session",
			"session 4 measured",
		],
		good: [
			"An agent's session: login, setup, logout",
			"the session token (`st_…`)",
			"a second device of an agent (same login session, new socket)",
			"validated by a previous run of this client",
			"SESSION_TTL_HOURS",
		],
	},
	"issue-reference": {
		bad: [
			"the numbers issue #8 asks for",
			"Scale-out (issue #8): several processes",
			"the widget's 70 KB budget (issue: the widget)",
			"the service worker (issue: the agents' dashboard)",
			"≤ 15 ms (issue)",
			"the issue's goal",
			"Issue 'the widget': ≤ 15 KB",
			"Issue budget (React excluded)",
			"fixed in PR #12",
		],
		good: [
			"Command types a visitor may issue.",
			"for (const issue of parsed.error.issues)",
			"goal: p99 ≤ 15 ms",
			"result.error.issues[0]?.message",
			"parsed.error.issues.map((issue) => issue.message)",
			"String(issue.path[0])",
			"function describe(issue: string) {}",
		],
	},
};

describe("prose rules", () => {
	it("has samples for every rule", () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(PROSE_RULES.map((rule) => rule.id).sort());
	});

	for (const rule of PROSE_RULES) {
		const samples = SAMPLES[rule.id] ?? { bad: [], good: [] };
		it.each(samples.bad)(`${rule.id} refuses %s`, (text) => {
			expect(findProseViolations(text, [rule]).map((v) => v.rule)).toContain(rule.id);
		});
		it.each(samples.good)(`${rule.id} accepts %s`, (text) => {
			expect(findProseViolations(text, [rule])).toEqual([]);
		});
	}

	it("reports the line and the matched text", () => {
		const violations = findProseViolations("fine\nsee issue #8 and ../shared/seeds\n");
		expect(violations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ rule: "issue-reference", line: 2, match: "issue #8" }),
				expect.objectContaining({ rule: "outside-shared-folder", line: 2, match: "../shared" }),
			]),
		);
	});

	it("finds every match of a rule on a line, not only the first", () => {
		const violations = findProseViolations("first session, then the second session");
		expect(violations.map((v) => v.match)).toEqual(["first session", "second session"]);
	});
});
