// Next.js Quickstart, step 3: app/layout.tsx before step 4 adds the stylesheet (app/layout.tsx is
// step 4's plain-CSS version, the one this app runs).
import { SupportProvider } from "@cossistant/next";
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
