// The help page a Server Component registers with <SupportPage> (app/server-components/pages).
"use client";

import { useSupportNavigation } from "@cossistant/next";

export function ServerHelpPage() {
	const { goBack } = useSupportNavigation();
	return (
		<div className="p-4">
			<button onClick={goBack} type="button">
				← Back
			</button>
			<h1>Help from a Server Component page</h1>
		</div>
	);
}
