// Contacts: identifying with the hook, metadata included (components/auth-handler.tsx).
"use client";

import { useVisitor } from "@cossistant/next";
import { useEffect } from "react";

// Unsigned (no `signature`), this identify may create a contact but not join an existing one from
// another device: sign it on the server (`createIdentitySignature`, @cossistant/next/server).
// Strict TypeScript needs the type of `user`, which the docs leave out.
export function AuthHandler({
	user,
}: {
	user: {
		id: string;
		email: string;
		name: string;
		avatar?: string;
		plan: string;
		createdAt: string;
	} | null;
}) {
	const { visitor, identify } = useVisitor();

	useEffect(() => {
		if (user && !visitor?.contact) {
			identify({
				externalId: user.id,
				email: user.email,
				name: user.name,
				image: user.avatar,
				metadata: {
					plan: user.plan,
					signupDate: user.createdAt,
				},
			});
		}
	}, [user, visitor?.contact, identify]);

	return null;
}
