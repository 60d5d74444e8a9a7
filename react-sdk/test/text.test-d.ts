import { expectTypeOf, test } from "vitest";
import { type SupportTextFormatter, Text, type TextVariablesOf } from "../src/index.ts";

declare const text: SupportTextFormatter;

test("text keys and their variables are typed", () => {
	text("page.home.tagline");
	text("component.composer.removeFile", { fileName: "a.png" });
	text("component.trigger.unread", { count: 2 });
	text("page.home.greeting");
	// @ts-expect-error: not a text key
	text("page.home.unknown");
	// @ts-expect-error: {fileName} is required
	text("component.composer.removeFile");
	// @ts-expect-error: the placeholder is {fileName}, not {name}
	text("component.composer.removeFile", { name: "a.png" });
	// @ts-expect-error: count is a number
	text("component.trigger.unread", { count: "2" });
	expectTypeOf<TextVariablesOf<"component.typing.named">>().toEqualTypeOf<{
		name: string | number;
	}>();
});

test("<Text> takes the variables its key needs", () => {
	// Called as functions: the same prop checks JSX gets.
	Text({ textKey: "component.typing.named", variables: { name: "Sarah" } });
	Text({ textKey: "page.home.tagline", as: "p" });
	// @ts-expect-error: {name} is required
	Text({ textKey: "component.typing.named" });
});
