import type { NextConfig } from "next";

const nextConfig: NextConfig = {
	reactStrictMode: true,
	// The @cossistant packages are published as TypeScript source: let Next.js compile them.
	transpilePackages: [
		"@cossistant/next",
		"@cossistant/react",
		"@cossistant/core",
		"@cossistant/types",
	],
};

export default nextConfig;
