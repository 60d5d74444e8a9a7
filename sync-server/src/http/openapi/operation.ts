import type * as v from "valibot";

/** HTTP methods the API uses. */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Credentials an operation accepts (any one of them); the names of the security schemes. */
export type Credential = "session" | "privateKey" | "publicKey" | "visitorToken";

/** A schema that becomes a named component (`#/components/schemas/<name>`). */
export interface NamedSchema {
	name: string;
	schema: v.GenericSchema;
}

/** A success response of an operation. */
export interface SuccessResponse {
	status: number;
	description: string;
	/** Omitted for empty responses (204). */
	body?: NamedSchema;
	headers?: Record<string, string>;
}

/** A header an operation reads (besides credentials). */
export interface HeaderParameter {
	name: string;
	description: string;
	required?: boolean;
}

/**
 * One documented route. The OpenAPI document is generated from these (with the valibot schemas the
 * routes parse and answer with), and a test checks that every route Express mounts has one.
 */
export interface OperationDoc {
	method: HttpMethod;
	/** The path as Express mounts it, e.g. `/v1/websites/:websiteId/api-keys`. */
	path: string;
	operationId: string;
	tag: string;
	summary: string;
	description?: string;
	/**
	 * Accepted credentials, as alternatives: `["session", "privateKey"]` takes either; an inner
	 * list needs all of its credentials together (`[["publicKey", "visitorToken"]]`). Empty for
	 * public routes.
	 */
	security: Array<Credential | Credential[]>;
	headers?: HeaderParameter[];
	requestBody?: NamedSchema;
	responses: SuccessResponse[];
	/**
	 * Error statuses beyond the ones every operation gets (400 with a body, 401 with security,
	 * 404 with path parameters, 429 and 500), each with why it happens.
	 */
	errors?: Record<number, string>;
}

/** Declares an operation (typed identity: keeps catalogs terse and checked). */
export function operation(doc: OperationDoc): OperationDoc {
	return doc;
}
