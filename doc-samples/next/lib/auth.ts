// Stands in for the app's auth library (`auth.api.getSession`) the identify samples read the
// signed-in user from. Nobody is signed in here; the types are what the samples use.

/** The signed-in user, as an auth library's session carries it. */
export interface SessionUser {
	id: string;
	email: string;
	name: string;
	image?: string;
	plan: string;
	createdAt: string;
	company: string;
	mrr: number;
}

export const auth = {
	api: {
		async getSession(_request: { headers: Headers }): Promise<{ user: SessionUser } | null> {
			return null;
		},
	},
};
