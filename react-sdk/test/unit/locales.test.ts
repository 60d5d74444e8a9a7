import { afterEach, describe, expect, it, vi } from "vitest";
import { en } from "../../src/text/locales/en.ts";
import { es } from "../../src/text/locales/es.ts";
import { fr } from "../../src/text/locales/fr.ts";
import { createFormatter } from "../../src/text/text-runtime.ts";

const context = { visitor: null, website: null };
const samples = { count: 3, name: "Sarah", fileName: "facture.pdf", progress: 40, message: "x" };

/** Every key of a locale rendered with sample variables. */
function rendered(locale: string): Array<[string, string]> {
	const format = createFormatter(locale, undefined, context);
	return Object.keys(en).map((key) => [
		key,
		format(key as keyof typeof en, samples as never) as string,
	]);
}

describe("built-in locales", () => {
	it("translate every English key", () => {
		for (const locale of [fr, es]) {
			expect(Object.keys(locale).sort()).toEqual(Object.keys(en).sort());
		}
	});

	it("French: a no-break space, never a plain one, before ? ! : ; %", () => {
		for (const [key, text] of rendered("fr")) {
			expect({ key, text, ok: !/ [?!:;%]/.test(text) }).toEqual({ key, text, ok: true });
			expect({ key, text, ok: !/[^\s\u00a0\u202f][?!;%]/.test(text) }).toEqual({
				key,
				text,
				ok: true,
			});
		}
	});

	it("Spanish: questions and exclamations open with ¿ and ¡", () => {
		for (const [key, text] of rendered("es")) {
			const questions = (text.match(/\?/g) ?? []).length;
			const exclamations = (text.match(/!/g) ?? []).length;
			expect({ key, open: (text.match(/¿/g) ?? []).length }).toEqual({ key, open: questions });
			expect({ key, open: (text.match(/¡/g) ?? []).length }).toEqual({ key, open: exclamations });
		}
	});

	it("read naturally where the wording was reviewed", () => {
		const french = createFormatter("fr", undefined, context);
		expect(french("component.typing.named", { name: "Sarah" })).toBe(
			"Sarah est en train d'écrire…",
		);
		expect(french("component.message.failed")).toBe("Échec de l'envoi");
		expect(french("component.composer.uploading", { progress: 40 })).toBe(
			"Envoi des fichiers\u00a0: 40\u00a0%",
		);
		const spanish = createFormatter("es", undefined, context);
		expect(spanish("component.typing.anonymous")).toBe("El equipo de soporte está escribiendo…");
		expect(spanish("component.trigger.unread", { count: 1 })).toBe("1 mensaje sin leer");
	});

	it("never use emoji, which some systems draw as an empty box", () => {
		for (const locale of ["en", "fr", "es"]) {
			for (const [key, text] of rendered(locale)) {
				expect({ key, text, emoji: /\p{Extended_Pictographic}/u.test(text) }).toEqual({
					key,
					text,
					emoji: false,
				});
			}
		}
	});
});

describe("the home page's greeting", () => {
	afterEach(() => vi.useRealTimers());

	/** The greeting at `hour` local time, with or without the visitor's name. */
	function greet(locale: string, hour: number, visitorName?: string) {
		vi.useFakeTimers({ toFake: ["Date"] });
		vi.setSystemTime(new Date(2026, 11, 6, hour, 0));
		const format = createFormatter(locale, undefined, context);
		return format("page.home.greeting", visitorName ? { visitorName } : {});
	}

	it("greets without a name by day and at night, never with a dangling 'there'", () => {
		expect(greet("en", 10)).toBe("Hi there");
		expect(greet("en", 21)).toBe("Good evening");
		expect(greet("fr", 21)).toBe("Bonsoir");
		expect(greet("es", 10)).toBe("Hola");
	});

	it("names the visitor when it knows them", () => {
		expect(greet("en", 10, "Jane")).toBe("Hi Jane");
		expect(greet("en", 21, "Jane")).toBe("Good evening Jane");
		expect(greet("fr", 10, "Jane")).toBe("Bonjour Jane");
	});
});
