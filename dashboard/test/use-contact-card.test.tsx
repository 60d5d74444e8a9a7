// @vitest-environment happy-dom
// The conversation header's contact card follows the contact id: a visitor who identifies while
// the conversation is open gets their name at once when the card is already on the device.

import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createTeamRequest } from "../src/api/team-request.ts";
import { ContactDirectory } from "../src/inbox/contact-directory.ts";
import { useContactCard } from "../src/inbox/use-contact-card.ts";

// Nothing listens on port 9 of loopback: every fetch of a card fails as offline.
const offline = createTeamRequest({ apiUrl: "http://127.0.0.1:9/v1", token: "st_none" });

describe("useContactCard", () => {
	afterEach(() => localStorage.clear());

	it("reads the new contact's card when only the contact id changes", () => {
		localStorage.setItem(
			"cossistant:dashboard-contacts:site_1",
			JSON.stringify([["contact_1", { name: "Camille Martin", email: "camille@acme.test" }]]),
		);
		const contacts = new ContactDirectory(offline, "site_1");
		const { result, rerender } = renderHook(
			({ contactId }: { contactId: string | null }) => useContactCard(contacts, contactId),
			{ initialProps: { contactId: null as string | null } },
		);
		expect(result.current).toBeUndefined();
		// The store is unchanged: only the selector's input moved.
		rerender({ contactId: "contact_1" });
		expect(result.current).toEqual({ name: "Camille Martin", email: "camille@acme.test" });
		rerender({ contactId: null });
		expect(result.current).toBeUndefined();
	});
});
