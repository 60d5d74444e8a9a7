import "server-only";
import { cookies } from "next/headers";

/** The cookie the demo's sign-in sets: the signed-in user's id. */
export const DEMO_USER_COOKIE = "demo_user";

/** A signed-in user of the demo app (a stand-in for your auth library's session user). */
export interface DemoUser {
	id: string;
	email: string;
	name: string;
	image: string;
	plan: "free" | "pro";
	signupDate: string;
	company: string;
	mrr: number;
}

const USER_ID = /^[a-z0-9_-]{1,64}$/;

/** Whether `id` is a user id the demo accepts (letters, digits, `_`, `-`). */
export function isDemoUserId(id: string): boolean {
	return USER_ID.test(id);
}

/** The demo user of `id`: Jane Doe for `user_123` (as in the docs), a generated one otherwise. */
export function demoUser(id: string): DemoUser {
	return {
		id,
		email: id === "user_123" ? "jane@acme.com" : `${id}@example.com`,
		name: id === "user_123" ? "Jane Doe" : `Demo user ${id}`,
		image: `https://avatars.example.com/${id}.png`,
		plan: "pro",
		signupDate: "2025-01-15",
		company: "Acme",
		mrr: 99,
	};
}

/** The signed-in user from the session cookie, or null. */
export async function currentUser(): Promise<DemoUser | null> {
	const id = (await cookies()).get(DEMO_USER_COOKIE)?.value;
	return id && isDemoUserId(id) ? demoUser(id) : null;
}
