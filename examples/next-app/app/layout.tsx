import { SupportProvider } from "@cossistant/next";
import "@cossistant/next/styles.css";
import type { Metadata } from "next";
import Link from "next/link";
import { support } from "@/support";
import "./globals.css";

export const metadata: Metadata = {
	title: "Acme — Cossistant Next.js example",
	description: "The Cossistant support widget in a Next.js App Router app.",
};

// Step 3 of the Quickstart: one provider in the root layout (a Server Component). The public key
// and the server's URLs come from NEXT_PUBLIC_COSSISTANT_API_KEY / _API_URL / _WS_URL.
export default function RootLayout({
	children,
}: Readonly<{
	children: React.ReactNode;
}>) {
	return (
		<html lang="en">
			<body>
				<SupportProvider support={support}>
					<header className="site-header">
						<Link href="/" className="brand">
							Acme
						</Link>
						<nav>
							<Link href="/">Home</Link>
							<Link href="/dashboard">Dashboard</Link>
						</nav>
					</header>
					<main>{children}</main>
				</SupportProvider>
			</body>
		</html>
	);
}
