// Hooks page samples in the browser, around a <Support />: useSupport, useSupportConfig,
// useSupportNavigation, useSupportText outside the widget, useSupportHandle inside it (the hook
// returns null outside the widget tree).
import { Support } from "@cossistant/next";
import { CustomSupportButton } from "../hooks/custom-support-button.tsx";
import { CustomToggle } from "../hooks/custom-toggle.tsx";
import { HelpButton } from "../hooks/help-button.tsx";
import { LocalizedButton } from "../hooks/localized-button.tsx";
import { NavigationButtons } from "../hooks/navigation-buttons.tsx";
import { mount } from "./mount.tsx";

mount(
	<>
		<CustomSupportButton />
		<CustomToggle />
		<NavigationButtons />
		<LocalizedButton />
		<Support>
			<HelpButton />
		</Support>
	</>,
);
