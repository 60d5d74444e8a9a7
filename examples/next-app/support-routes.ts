// The widget's custom pages (docs: Routing & Pages): `navigate({ page: "FAQ" })` is typed.
declare module "@cossistant/core" {
	interface RouteRegistry {
		FAQ: undefined;
	}
}

export {};
