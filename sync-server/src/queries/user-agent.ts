import type { VisitorDevice } from "@cossistant/types";

/**
 * Browser, OS and device type from a User-Agent string, for agents telling a contact's devices
 * apart. Best effort on purpose: the common browsers and systems by their well-known tokens,
 * in the order that disambiguates them (Edge and Opera also say "Chrome", Chrome also says
 * "Safari", iPadOS may say "Macintosh"). Anything unrecognised is null, never a guess.
 */
export function describeUserAgent(userAgent: string | null): VisitorDevice {
	if (!userAgent) return { userAgent: null, browser: null, os: null, deviceType: null };
	return {
		userAgent,
		browser: browserOf(userAgent),
		os: osOf(userAgent),
		deviceType: deviceTypeOf(userAgent),
	};
}

const BROWSERS: ReadonlyArray<[name: string, pattern: RegExp]> = [
	["Edge", /\bEdg(?:e|A|iOS)?\/(\d+)/],
	["Opera", /\b(?:OPR|Opera)\/(\d+)/],
	["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
	["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
	["Chrome", /\b(?:Chrome|CriOS)\/(\d+)/],
	["Safari", /\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//],
];

function browserOf(ua: string): string | null {
	if (/\bHappyDOM\//.test(ua)) return "HappyDOM";
	for (const [name, pattern] of BROWSERS) {
		const major = pattern.exec(ua)?.[1];
		if (major) return `${name} ${major}`;
	}
	return null;
}

function osOf(ua: string): string | null {
	const ios = /\b(?:iPhone|iPad|iPod)\b.*?\bOS (\d+)/.exec(ua);
	if (ios) return `iOS ${ios[1]}`;
	const android = /\bAndroid (\d+)/.exec(ua);
	if (android) return `Android ${android[1]}`;
	if (/\bAndroid\b/.test(ua)) return "Android";
	if (/\bCrOS\b/.test(ua)) return "ChromeOS";
	if (/\bWindows\b/.test(ua)) return "Windows";
	if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return "macOS";
	if (/\bLinux\b/.test(ua)) return "Linux";
	return null;
}

function deviceTypeOf(ua: string): VisitorDevice["deviceType"] {
	if (/\biPad\b|\bTablet\b/.test(ua) || (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua))) {
		return "tablet";
	}
	if (/\bMobi|\biPhone\b|\biPod\b/.test(ua)) return "mobile";
	if (/\bWindows\b|\bMacintosh\b|\bLinux\b|\bCrOS\b/.test(ua)) return "desktop";
	return null;
}
