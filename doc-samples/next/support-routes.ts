// The pages the Basic usage and Customization samples register: FAQ and SETTINGS are declared by
// the Routing & Pages complete example (components/routing/complete-example.tsx); HELP is used by
// Basic usage without a declaration there (Routing & Pages, step 1, declares it).
declare module "@cossistant/core" {
	interface RouteRegistry {
		HELP: undefined;
	}
}

export {};
