// Events page samples in the browser: the callback props (SupportWidget) and the AnalyticsTracker
// built on useSupportEvents, both calling the app's analytics as written.
import { AnalyticsTracker } from "../events/analytics-tracker.tsx";
import { SupportWidget } from "../events/support-widget.tsx";
import { mount } from "./mount.tsx";

mount(
	<>
		<SupportWidget />
		<AnalyticsTracker />
	</>,
);
