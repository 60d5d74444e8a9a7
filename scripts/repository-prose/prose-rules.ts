/**
 * What the repository's prose (Markdown, comments, runtime strings) must not say: it speaks of
 * the product as it is now. Paths that exist only on the authors' machines mean nothing in a
 * clone, and the history of its development lives in git, not in files.
 */

/** One thing a tracked file must not contain. */
export interface ProseRule {
	/** Stable identifier, printed with each violation. */
	readonly id: string;
	/** What the rule forbids and what to write instead. */
	readonly message: string;
	/** Matched against each line; must carry the `g` flag (every match is reported). */
	readonly pattern: RegExp;
}

/** A rule's match in a text. */
export interface ProseViolation {
	readonly rule: string;
	readonly message: string;
	/** 1-based line number. */
	readonly line: number;
	/** The matched text. */
	readonly match: string;
}

const ORDINALS =
	"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d+(?:st|nd|rd|th)";

export const PROSE_RULES: readonly ProseRule[] = [
	{
		id: "outside-shared-folder",
		message:
			"refers to a folder next to the repository (`../shared`, `shared/…`): it does not exist in a clone; say the fact or link a file of the repository",
		pattern: /(?:\.\.\/)+shared\b|\bshared\/(?:seeds|DESIGN|ENVIRONMENT|CONVENTIONS)\b/g,
	},
	{
		id: "outside-notes",
		message:
			"names a design or environment note that is not in the repository (DESIGN.md, ENVIRONMENT.md, CONVENTIONS.md); say the fact instead",
		pattern: /\b(?:DESIGN|ENVIRONMENT|CONVENTIONS)\.md\b/g,
	},
	{
		id: "absolute-machine-path",
		message:
			"an absolute path of the authors' machine (`/work/…`, a home directory); use a path relative to the repository",
		pattern: /(?<![\w.:/-])(?:\/work\/|\/home\/[\w.-]+|\/Users\/[\w.-]+|\/root\/)|[A-Z]:\\Users\\/g,
	},
	{
		id: "development-session",
		message:
			"mentions a development session; say what is true now (history lives in git). An agent's or visitor's login session is fine: call it a login or a run of the client",
		pattern: new RegExp(
			`\\b(?:${ORDINALS}|this|next|previous|last|earlier|development|work|coding)\\s+sessions?\\b|\\bsession\\s+(?:#\\s*)?\\d+\\b`,
			"gi",
		),
	},
	{
		id: "issue-reference",
		message:
			"refers to an issue (a number, or `the issue` as the source of a goal); state the goal or the fact itself",
		pattern:
			/\b(?:issues?|PR|pull request)\s*#\s*\d+|(?<![\w(.])\(issue(?:\)(?!\s*=>)|:\s*[a-z][a-z' ]*\))|\bthe issue(?:'s)?\b|\bissue\s+['"‘“]|\bissue\s+(?:budget|goals?|numbers?)\b/gi,
	},
];

/**
 * Every match of every rule in `text`, line by line.
 *
 * @example findProseViolations("see ../shared/DESIGN.md") // two violations, line 1
 */
export function findProseViolations(
	text: string,
	rules: readonly ProseRule[] = PROSE_RULES,
): ProseViolation[] {
	const violations: ProseViolation[] = [];
	const lines = text.split("\n");
	for (const [index, line] of lines.entries()) {
		for (const rule of rules) {
			for (const match of line.matchAll(rule.pattern)) {
				violations.push({ rule: rule.id, message: rule.message, line: index + 1, match: match[0] });
			}
		}
	}
	return violations;
}
