import { describe, expect, it } from "vitest";
import { displayName } from "../src/inbox/contact-directory.ts";
import { visitorName } from "../src/inbox/visitor-name.ts";

describe("visitor names", () => {
	it("gives an anonymous visitor a stable two-word name, different visitors mostly different ones", () => {
		const name = visitorName("0192f3a1-7c2e-7aa0-9f4e-5b1c2d3e8170");
		expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
		expect(visitorName("0192f3a1-7c2e-7aa0-9f4e-5b1c2d3e8170")).toBe(name);
		const names = new Set(
			Array.from({ length: 200 }, (_, index) => visitorName(`visitor-${index}-of-many`)),
		);
		expect(names.size).toBeGreaterThan(150);
	});

	it("prefers the contact's name, then their email, over the generated name", () => {
		const visitorId = "0192f3a1-7c2e-7aa0-9f4e-5b1c2d3e8170";
		expect(displayName({ name: "Camille Martin", email: "c@acme.test" }, visitorId)).toBe(
			"Camille Martin",
		);
		expect(displayName({ name: null, email: "c@acme.test" }, visitorId)).toBe("c@acme.test");
		expect(displayName(undefined, visitorId)).toBe(visitorName(visitorId));
		expect(displayName(undefined, visitorId)).not.toMatch(/^Visitor /);
	});
});
