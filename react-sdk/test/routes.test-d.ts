import { expectTypeOf, test } from "vitest";
import type {
	CustomPage,
	NavigationState,
	PageComponentProps,
	SupportHandle,
	UseSupportNavigationResult,
} from "../src/index.ts";

declare module "@cossistant/core" {
	interface RouteRegistry {
		TYPED_SETTINGS: { tab: string };
		TYPED_HELP: undefined;
		TYPED_FILTERS: { query?: string };
	}
}

const SettingsPage = ({ params }: PageComponentProps<"TYPED_SETTINGS">) => params.tab;

declare const navigate: UseSupportNavigationResult["navigate"];
declare const handle: SupportHandle;

test("built-in and registered pages navigate with their params", () => {
	navigate({ page: "HOME" });
	navigate({ page: "ARTICLES" });
	navigate({ page: "CONVERSATION_HISTORY" });
	navigate({ page: "CONVERSATION", params: { conversationId: "abc123" } });
	navigate({
		page: "CONVERSATION",
		params: { conversationId: "abc123", initialMessage: "Hello!" },
	});
	navigate({ page: "TYPED_SETTINGS", params: { tab: "profile" } });
	navigate({ page: "TYPED_HELP" });
	navigate({ page: "TYPED_FILTERS" });
	handle.replace({ page: "TYPED_SETTINGS", params: { tab: "billing" } });
});

test("unknown pages and missing or wrong params fail to compile", () => {
	// @ts-expect-error: not a registered page
	navigate({ page: "UNKNOWN_PAGE" });
	// @ts-expect-error: conversationId is required
	navigate({ page: "CONVERSATION", params: {} });
	// @ts-expect-error: CONVERSATION needs params
	navigate({ page: "CONVERSATION" });
	// @ts-expect-error: tab must be a string
	navigate({ page: "TYPED_SETTINGS", params: { tab: 1 } });
	// @ts-expect-error: TYPED_SETTINGS needs params
	handle.navigate({ page: "TYPED_SETTINGS" });
	// @ts-expect-error: HOME takes no params
	navigate({ page: "HOME", params: { conversationId: "x" } });
});

test("page components receive their page's params", () => {
	expectTypeOf<PageComponentProps<"TYPED_SETTINGS">["params"]>().toEqualTypeOf<{ tab: string }>();
	const pages: CustomPage[] = [{ name: "TYPED_SETTINGS", component: SettingsPage }];
	// @ts-expect-error: the component's params do not match the page's
	const wrong: CustomPage[] = [{ name: "TYPED_HELP", component: SettingsPage }];
	expectTypeOf(pages).toBeArray();
	expectTypeOf(wrong).toBeArray();
	expectTypeOf<Extract<NavigationState, { page: "TYPED_HELP" }>>().toEqualTypeOf<{
		page: "TYPED_HELP";
		params?: undefined;
	}>();
});
