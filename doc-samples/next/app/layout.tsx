// Next.js Quickstart, steps 3 and 4 (plain CSS): SupportProvider in the root layout and the
// widget's stylesheet. The key and server address come from NEXT_PUBLIC_ variables.
import { SupportProvider } from "@cossistant/next";
import "@cossistant/next/styles.css";
import "./globals.css";

export default function RootLayout({
	children,
}: Readonly<{
	children: React.ReactNode;
}>) {
	return (
		<html lang="en">
			<body>
				<SupportProvider>{children}</SupportProvider>
			</body>
		</html>
	);
}
