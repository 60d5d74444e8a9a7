import { lazy, Suspense } from "react";
import { useTheme } from "../theme.ts";

const Sonner = lazy(() => import("sonner").then((module) => ({ default: module.Toaster })));

/**
 * Where toasts show (bottom right; on phones above the composer), in the page's theme. Its code
 * loads after the first paint.
 */
export function Toaster() {
	const [theme] = useTheme();
	return (
		<Suspense fallback={null}>
			<Sonner
				theme={theme}
				position="bottom-right"
				mobileOffset={{ bottom: 132 }}
				toastOptions={{
					classNames: {
						toast: "!rounded-lg !border-border !bg-popover !text-popover-foreground !shadow-lg",
						description: "!text-muted-foreground",
					},
				}}
			/>
		</Suspense>
	);
}
