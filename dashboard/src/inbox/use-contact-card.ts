import { useEffect } from "react";
import { useStore } from "zustand";
import type { ContactCard, ContactDirectory } from "./contact-directory.ts";

/**
 * The name and email of a conversation's contact, asked for when not known yet. Follows the
 * contact id as it changes (a visitor identifies while the conversation is open) even when the
 * card was already on the device and the directory's store did not change.
 */
export function useContactCard(
	contacts: ContactDirectory,
	contactId: string | null | undefined,
): ContactCard | undefined {
	const card = useStore(contacts.state, (state) =>
		contactId ? state.cards.get(contactId) : undefined,
	);
	useEffect(() => {
		if (contactId) contacts.want([contactId]);
	}, [contactId, contacts]);
	return card;
}
