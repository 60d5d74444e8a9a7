// Primitives: the hooks to use alongside them.
import { useSupport, useSupportConfig, useSupportNavigation } from "@cossistant/next";

// The docs show the calls alone; a component makes them here.
export function PrimitiveHooks() {
	const { isOpen, toggle, open, close } = useSupportConfig();
	const { navigate, goBack, canGoBack, page, params } = useSupportNavigation();
	const { visitor, website, client, unreadCount } = useSupport();
	return null;
}
