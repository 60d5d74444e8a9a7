// Routing & Pages, steps 1–4, in the browser (compiled with the steps' own program): the SETTINGS
// page registered with <Support.Page>, typed navigation from outside the widget, MyPage following
// the current page and the built-in pages.
import { BuiltInPages, MyPage, OpenSettings } from "../routing/steps/navigate.tsx";
import { App } from "../routing/steps/register.tsx";
import { mount } from "./mount.tsx";

mount(
	<>
		<App />
		<OpenSettings />
		<MyPage />
		<BuiltInPages />
	</>,
);
