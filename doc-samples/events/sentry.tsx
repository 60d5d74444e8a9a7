// Events: Sentry error tracking (components/sentry-support.tsx).
"use client";

import { Support } from "@cossistant/next";
import * as Sentry from "@sentry/react";

export function SupportWithSentry() {
	return (
		<Support
			onError={({ error, context }) => {
				Sentry.captureException(error, {
					tags: {
						component: "support_widget",
					},
					extra: {
						context,
					},
				});
			}}
		/>
	);
}
