/**
 * Toasts (sonner) without sonner in the first chunk: the module loads on the first toast, and
 * the toaster itself mounts lazily (`ui/toaster.tsx`).
 */
export const notify = {
	error(title: string, description?: string): void {
		void import("sonner").then(({ toast }) =>
			toast.error(title, description ? { description } : undefined),
		);
	},
	success(title: string, description?: string): void {
		void import("sonner").then(({ toast }) =>
			toast.success(title, description ? { description } : undefined),
		);
	},
};
