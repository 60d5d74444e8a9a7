// Hooks: useVisitor, identify on auth (components/auth-handler.tsx).
"use client";

import { useVisitor } from "@cossistant/next";
import { useEffect } from "react";

// Strict TypeScript needs the type of `user`, which the docs leave out.
export function AuthHandler({
	user,
}: {
	user: { id: string; email: string; name: string; avatar?: string } | null;
}) {
	const { visitor, identify } = useVisitor();

	useEffect(() => {
		// Only identify if we have a user and visitor isn't already a contact
		if (user && !visitor?.contact) {
			identify({
				externalId: user.id,
				email: user.email,
				name: user.name,
				image: user.avatar,
			});
		}
	}, [user, visitor?.contact, identify]);

	return null;
}
