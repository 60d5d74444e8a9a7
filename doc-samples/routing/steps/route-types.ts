// Routing & Pages, step 1: route types by augmentation. (This folder is its own TypeScript
// program: the complete example registers SETTINGS with `{ section }`, these steps with `{ tab }`.)
declare module "@cossistant/core" {
	interface RouteRegistry {
		SETTINGS: { tab: string };
		HELP: undefined;
	}
}

export {};
