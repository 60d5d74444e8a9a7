"use client";

import { useVisitor } from "@cossistant/next";

/** Which Cossistant contact this browser's visitor is linked to (the docs' `useVisitor`). */
export function SupportContact() {
	const { visitor } = useVisitor();
	const contact = visitor?.contact ?? null;
	return (
		<p>
			Support contact:{" "}
			<code data-testid="contact-id">{contact ? contact.id : "not identified yet"}</code>
		</p>
	);
}
