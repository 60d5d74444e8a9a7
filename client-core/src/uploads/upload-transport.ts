import { CossistantApiError } from "../errors.ts";

/** Bytes sent so far out of the total, as reported during an upload. */
export interface UploadProgress {
	loaded: number;
	total: number;
}

/** One upload request, transport-independent. */
export interface UploadRequest {
	url: string;
	headers: Record<string, string>;
	body: Blob;
	onProgress?: (progress: UploadProgress) => void;
	signal?: AbortSignal;
}

/** The raw answer: status and body text (decoded by the caller). */
export interface UploadReply {
	status: number;
	text: string;
}

/**
 * Sends an upload with `XMLHttpRequest` where it exists (browsers), because `fetch` reports no
 * upload progress there, and with `fetch` elsewhere (Node, workers), where progress is reported
 * at the start and the end only. A network failure is a `network_error`; an abort rejects with
 * the signal's reason, as `fetch` does.
 */
export function sendUpload(request: UploadRequest, fetchImpl?: typeof fetch): Promise<UploadReply> {
	if (request.signal?.aborted) return Promise.reject(request.signal.reason);
	if (typeof XMLHttpRequest === "function") return sendWithXhr(request);
	return sendWithFetch(request, fetchImpl ?? globalThis.fetch.bind(globalThis));
}

function sendWithXhr(request: UploadRequest): Promise<UploadReply> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		const total = request.body.size;
		const onAbort = () => xhr.abort();
		const settle = () => request.signal?.removeEventListener("abort", onAbort);
		xhr.open("POST", request.url);
		for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
		xhr.upload.onprogress = (event) =>
			request.onProgress?.({
				loaded: event.loaded,
				total: event.lengthComputable ? event.total : total,
			});
		xhr.onload = () => {
			settle();
			if (xhr.status >= 200 && xhr.status < 300) request.onProgress?.({ loaded: total, total });
			resolve({ status: xhr.status, text: xhr.responseText });
		};
		xhr.onerror = () => {
			settle();
			reject(networkError(request.url, "the connection failed"));
		};
		xhr.ontimeout = xhr.onerror;
		xhr.onabort = () => {
			settle();
			reject(request.signal?.reason ?? new DOMException("The upload was aborted.", "AbortError"));
		};
		request.signal?.addEventListener("abort", onAbort, { once: true });
		request.onProgress?.({ loaded: 0, total });
		xhr.send(request.body);
	});
}

async function sendWithFetch(
	request: UploadRequest,
	fetchImpl: typeof fetch,
): Promise<UploadReply> {
	const total = request.body.size;
	request.onProgress?.({ loaded: 0, total });
	let response: Response;
	try {
		response = await fetchImpl(request.url, {
			method: "POST",
			headers: request.headers,
			body: request.body,
			signal: request.signal,
		});
	} catch (error) {
		if (request.signal?.aborted) throw request.signal.reason;
		throw networkError(request.url, String(error));
	}
	const text = await response.text();
	if (response.ok) request.onProgress?.({ loaded: total, total });
	return { status: response.status, text };
}

function networkError(url: string, detail: string): CossistantApiError {
	return new CossistantApiError(0, "network_error", `Could not upload to ${url}: ${detail}`);
}
