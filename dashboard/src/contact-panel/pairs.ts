/** A name / value list (`<dl>`) of the contact panel: names on the left, values on the right. */
export const PAIRS = "m-0 grid gap-2 text-sm";

/** One name / value pair of {@link PAIRS} (a `<div>` holding a `<dt>` and a `<dd>`). */
export const PAIR =
	"grid grid-cols-[7rem_minmax(0,1fr)] gap-2 [&>dt]:text-muted-foreground [&>dd]:m-0 [&>dd]:min-w-0";
