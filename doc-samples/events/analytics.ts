// The Segment sample's `./analytics` module (the app's own; the docs leave it out).
export const analytics = {
	track(event: string, properties?: object): void {
		globalThis.analytics?.track(event, properties);
	},
};
