import { websiteSettingsSchema } from "@cossistant/types";
import { useEffect, useState } from "react";
import * as v from "valibot";
import { WEBSITE_KEY } from "../config.ts";
import { useDashboard } from "../dashboard-context.tsx";
import { NativeSelect } from "../ui/input.tsx";

/**
 * For agents of several websites: which inbox to work in. Switching restarts the signed-in
 * session's client on the chosen website (one inbox document, one socket at a time).
 */
export function WebsiteSwitcher() {
	const { session, websiteId, request } = useDashboard();
	const websiteIds = session.current?.websiteIds ?? [];
	const [names, setNames] = useState<Record<string, string>>({});
	useEffect(() => {
		if (websiteIds.length < 2) return;
		for (const id of websiteIds) {
			request(`/websites/${encodeURIComponent(id)}/settings`)
				.then((body) => {
					const parsed = v.safeParse(websiteSettingsSchema, body);
					if (parsed.success) setNames((current) => ({ ...current, [id]: parsed.output.name }));
				})
				.catch(() => {});
		}
	}, [websiteIds, request]);
	if (websiteIds.length < 2) return null;
	return (
		<NativeSelect
			aria-label="Website"
			className="h-8 w-32 md:w-44"
			value={websiteId}
			onChange={(event) => {
				localStorage.setItem(WEBSITE_KEY, event.target.value);
				window.location.reload();
			}}
		>
			{websiteIds.map((id) => (
				<option key={id} value={id}>
					{names[id] ?? `Website ${id.slice(-6)}`}
				</option>
			))}
		</NativeSelect>
	);
}
