"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { DEMO_USER_COOKIE, isDemoUserId } from "@/lib/demo-user";

/** Signs in as the user id of the form (the demo's stand-in for real authentication). */
export async function signIn(form: FormData): Promise<void> {
	const id = String(form.get("userId") ?? "").trim();
	if (!isDemoUserId(id)) redirect("/?error=invalid-user");
	(await cookies()).set(DEMO_USER_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/" });
	redirect("/dashboard");
}

/** Signs out. */
export async function signOut(): Promise<void> {
	(await cookies()).delete(DEMO_USER_COOKIE);
	redirect("/");
}
