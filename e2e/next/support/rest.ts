/** A JSON call to the sync-server's REST API; throws with the answer on a non-2xx status. */
export async function api<T = unknown>(
	apiUrl: string,
	path: string,
	options: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
	const response = await fetch(`${apiUrl}${path}`, {
		method: options.method ?? "GET",
		headers: {
			...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
			...(options.body === undefined ? {} : { "content-type": "application/json" }),
		},
		...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${options.method ?? "GET"} ${path} → ${response.status} ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}
