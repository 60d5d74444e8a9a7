// Next.js Quickstart, step 5: <Support /> in a Server Component page.
import { Support } from "@cossistant/next";

export default function Page() {
	return (
		<div>
			<h1>You are ready to chat</h1>
			<Support />
		</div>
	);
}
