// Customization, level 5, in a Server Component: a Server Component cannot dot into `Support`
// (a client reference), so it uses the parts' own names. No render functions cross over.
import { SupportContent, SupportRoot, SupportRouter, SupportTrigger } from "@cossistant/next";

export default function Page() {
	return (
		<SupportRoot defaultOpen={false} theme="dark">
			<SupportTrigger asChild>
				<button className="px-4 py-2 bg-indigo-600 rounded" type="button">
					Help
				</button>
			</SupportTrigger>
			<SupportContent side="bottom" align="end" className="custom-content">
				<SupportRouter />
			</SupportContent>
		</SupportRoot>
	);
}
