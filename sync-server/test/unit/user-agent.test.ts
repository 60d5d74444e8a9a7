// What agents read about a visitor's device: the browser and OS tokens that disambiguate the
// common User-Agents (Edge and Opera also claim Chrome, Chrome also claims Safari), and null,
// never a guess, for anything else.

import { describe, expect, it } from "vitest";
import { describeUserAgent } from "../../src/queries/user-agent.ts";

const CASES: Array<[string, string | null, string | null, string | null]> = [
	[
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
		"Edge 131",
		"Windows",
		"desktop",
	],
	[
		"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
		"Firefox 133",
		"Linux",
		"desktop",
	],
	[
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15",
		"Safari 18",
		"macOS",
		"desktop",
	],
	[
		"Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
		"Chrome 131",
		"Android 15",
		"mobile",
	],
	[
		"Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Safari/537.36",
		"Samsung Internet 26",
		"Android 14",
		"tablet",
	],
	[
		"Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
		"Chrome 131",
		"iOS 17",
		"tablet",
	],
	[
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0",
		"Opera 116",
		"Windows",
		"desktop",
	],
	["curl/8.5.0", null, null, null],
];

describe("describeUserAgent", () => {
	it.each(CASES)("%s", (userAgent, browser, os, deviceType) => {
		expect(describeUserAgent(userAgent)).toEqual({ userAgent, browser, os, deviceType });
	});

	it("describes a missing User-Agent as unknown", () => {
		expect(describeUserAgent(null)).toEqual({
			userAgent: null,
			browser: null,
			os: null,
			deviceType: null,
		});
	});
});
