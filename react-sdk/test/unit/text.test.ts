import { describe, expect, it } from "vitest";
import { createFormatter, resolveLocale } from "../../src/text/text-runtime.ts";

const context = { visitor: null, website: null };

describe("support text", () => {
	it("resolves the locale: prop, then browser (built-in only), then English", () => {
		expect(resolveLocale("fr-CA", "es-ES")).toBe("fr");
		expect(resolveLocale(undefined, "es-ES")).toBe("es");
		expect(resolveLocale(undefined, "de-DE")).toBe("en");
		expect(resolveLocale("de", "es")).toBe("de");
	});

	it("formats built-in locales with variables and plural helpers", () => {
		expect(createFormatter("fr", undefined, context)("component.composer.send")).toBe("Envoyer");
		expect(
			createFormatter("en", undefined, context)("component.trigger.unread", { count: 2 }),
		).toBe("2 unread messages");
		expect(
			createFormatter("en", undefined, context)("component.typing.named", { name: "Sarah" }),
		).toBe("Sarah is typing…");
	});

	it("applies string, per-locale and formatter overrides, falling back to English", () => {
		const overrides = {
			"common.actions.askQuestion": { en: "Reach out", fr: "Contactez-nous" },
			"page.home.tagline": "Ask us anything",
			"page.home.greeting": ({ variables }: { variables?: Record<string, unknown> }) =>
				`Salut ${String(variables?.visitorName ?? "")}!`,
		};
		const fr = createFormatter("fr", overrides, context);
		expect(fr("common.actions.askQuestion")).toBe("Contactez-nous");
		expect(fr("page.home.tagline")).toBe("Ask us anything");
		expect(fr("page.home.greeting", { visitorName: "Jane" })).toBe("Salut Jane!");
		const de = createFormatter("de", overrides, context);
		expect(de("common.actions.askQuestion")).toBe("Reach out");
		expect(de("component.composer.send")).toBe("Send");
	});
});
