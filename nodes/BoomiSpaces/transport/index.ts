import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { GraphQLDocument } from '../actions/types';
import type { BoomiEndpoints } from './endpoints';
import { JWT_MINT_FAILURE, resolveEndpoints } from './endpoints';
import { parseRetryAfter } from './pacer';

export const CREDENTIAL_TYPE = 'boomiSpacesApi';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** One entry of a GraphQL `errors` array, as far as we rely on it. */
export interface GraphQLError {
	message: string;
	code?: string;
	path?: Array<string | number>;
}

export interface GraphQLResponseBody {
	data?: IDataObject | null;
	errors?: unknown;
}

export interface GraphQLRequest {
	operationName: string;
	query: string;
	variables: IDataObject;
}

/** What Boomi answered (any status but a 401 that survived the JWT re-mint). */
export interface GraphQLHttpResponse {
	statusCode: number;
	retryAfterMs?: number;
	body?: GraphQLResponseBody;
	errors: GraphQLError[];
}

/** A request that got no usable answer, with only what is safe to show. */
export interface RequestFailure {
	httpCode?: number;
	/** e.g. ECONNREFUSED, ECONNRESET */
	networkCode?: string;
	errors: GraphQLError[];
	message: string;
	/** The credential could not mint a JWT: nothing reached Boomi Spaces. */
	mintFailure: boolean;
	/** Boomi provably did not apply the request (connection refused, JWT not minted). */
	notApplied: boolean;
}

export type GraphQLOutcome =
	| { ok: true; response: GraphQLHttpResponse }
	| { ok: false; failure: RequestFailure };

/** Reads the credential once per execution and resolves its endpoints. */
export async function getEndpoints(this: Context): Promise<BoomiEndpoints> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const endpoints = resolveEndpoints(credentials);
	if ('problem' in endpoints) {
		throw new NodeOperationError(this.getNode(), endpoints.problem, {
			description: 'Open the Boomi Spaces credential and fix its Region settings',
		});
	}
	return endpoints;
}

/**
 * Boomi's error code: documented codes (IPACK_INSTANCE_ID_INVALID, …) are not
 * documented to sit in a fixed place, so look in `extensions` and then for a
 * `CODE:` prefix in the message.
 */
function errorCode(error: IDataObject, message: string): string | undefined {
	const extensions = (error.extensions ?? {}) as IDataObject;
	for (const key of ['code', 'errorCode', 'classification']) {
		if (typeof extensions[key] === 'string' && extensions[key]) return extensions[key] as string;
	}
	return /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/.exec(message)?.[1];
}

export function parseGraphQLErrors(errors: unknown): GraphQLError[] {
	if (!Array.isArray(errors)) return [];
	return errors.map((entry) => {
		const error = (entry && typeof entry === 'object' ? entry : { message: String(entry) }) as IDataObject;
		const message = typeof error.message === 'string' ? error.message : JSON.stringify(entry);
		const parsed: GraphQLError = { message };
		const code = errorCode(error, message);
		if (code) parsed.code = code;
		if (Array.isArray(error.path)) parsed.path = error.path as Array<string | number>;
		return parsed;
	});
}

/** A GraphQL error saying the platform call behind a field was throttled (not applied). */
export function isThrottleError(error: GraphQLError): boolean {
	return /\b(429|503)\b|rate limit|too many requests|throttl/i.test(error.message);
}

/** What a user can do about a Boomi error, by code or HTTP status. */
function advice(httpCode: number | undefined, code: string | undefined, field: string): string {
	if (httpCode === 401 || code === 'UNAUTHORIZED') {
		return 'Boomi did not accept the JWT. Check the Boomi Spaces credential (API token, or a pasted JWT that may have expired after five minutes).';
	}
	if (code === 'SPACE_NOT_FOUND') {
		return 'Check the Space GUID in the Boomi Spaces credential and that the token has access to that Space.';
	}
	if (code === 'IPACK_INSTANCE_ID_INVALID' || code === 'IPACK_NOT_FOUND_IN_SPACE' || code === 'ARTIFACT_NOT_IN_SPACE') {
		return `Boomi did not find the ID sent to ${field} in this Space: it may be wrong, belong to another Space, or be already detached/removed.`;
	}
	if (httpCode === 429 || httpCode === 503) {
		return "Boomi kept throttling requests (the Platform API allows about 10 calls per second per account). Lower the node's Requests Per Second option or retry later.";
	}
	if (httpCode !== undefined && httpCode >= 500) {
		return 'Boomi failed to process the request. For a mutation the change may or may not have been applied: check its state in Boomi before retrying.';
	}
	return `Boomi rejected ${field}. The message above is Boomi's own.`;
}

export interface BoomiErrorInfo {
	httpCode?: number;
	errors: GraphQLError[];
	/** Used when Boomi sent no message (HTTP failure without a body we understand). */
	fallbackMessage?: string;
	/** Replaces the advice derived from status and code. */
	description?: string;
}

/** Builds the one error type the node raises for Boomi's answers. Holds no request data. */
export function boomiApiError(
	context: Context,
	document: GraphQLDocument,
	info: BoomiErrorInfo,
	itemIndex?: number,
): NodeApiError {
	const messages = info.errors.map((error) => error.message).filter(Boolean);
	const code = info.errors.find((error) => error.code)?.code;
	const message =
		messages.length > 0
			? messages.join('; ')
			: (info.fallbackMessage ?? `Boomi answered HTTP ${info.httpCode ?? 'error'}`);
	const errorResponse: JsonObject = {
		message,
		operationName: document.operationName,
		errors: info.errors as unknown as JsonObject[],
	};
	if (code) errorResponse.code = code;
	if (info.httpCode !== undefined) errorResponse.httpCode = String(info.httpCode);
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description: `${itemIndex === undefined ? '' : `Item ${itemIndex}: `}${info.description ?? advice(info.httpCode, code, document.field)}`,
		httpCode: info.httpCode === undefined ? undefined : String(info.httpCode),
		itemIndex,
	});
}

/** The NodeApiError for a failed request, for one item. */
export function failureError(
	context: Context,
	document: GraphQLDocument,
	failure: RequestFailure,
	itemIndex?: number,
): NodeApiError {
	return boomiApiError(
		context,
		document,
		{
			httpCode: failure.httpCode,
			errors: failure.errors,
			fallbackMessage: failure.message,
			description: failure.mintFailure
				? 'The Boomi Spaces credential could not get a JWT, so nothing was sent to Boomi Spaces.'
				: !failure.networkCode
					? undefined
					: failure.notApplied
						? `Could not connect to Boomi Spaces (${failure.networkCode}), so nothing was sent. Check the Region / GraphQL URL of the Boomi Spaces credential and the network.`
						: `Boomi Spaces did not answer (${failure.networkCode}). A mutation may or may not have been applied: check its state in Boomi before retrying.`,
		},
		itemIndex,
	);
}

/**
 * n8n wraps request failures (the 401 that survived a JWT re-mint, connection
 * errors, JWT-minting problems) in an error whose cause holds the request,
 * Authorization header included. Keep only status, Boomi's body and codes.
 */
function describeFailure(failure: unknown): RequestFailure {
	interface CaughtError {
		message?: unknown;
		description?: unknown;
		messages?: unknown;
		code?: unknown;
		httpCode?: unknown;
		response?: { status?: number; data?: unknown };
		context?: { data?: unknown };
		cause?: CaughtError;
	}
	const error = (failure ?? {}) as CaughtError;
	const cause = error.cause ?? error;
	const ownMessage = typeof error.message === 'string' ? error.message : '';
	// n8n wraps errors thrown by the credential's preAuthentication, drops their
	// cause and may replace the message by a generic text for the status,
	// keeping the original among `messages` / `description`.
	const mintMessage = [ownMessage, error.description, ...(Array.isArray(error.messages) ? error.messages : [])].find(
		(text): text is string => typeof text === 'string' && text.startsWith(JWT_MINT_FAILURE),
	);
	if (mintMessage) {
		const status = Number(error.httpCode ?? cause.httpCode);
		return {
			httpCode: Number.isInteger(status) ? status : undefined,
			errors: [],
			message: mintMessage,
			mintFailure: true,
			notApplied: true,
		};
	}
	// n8n keeps the response body in `context.data` of its NodeApiError (and
	// drops the cause); a raw request error keeps it in `response.data`.
	const body = (error.context?.data ?? cause.response?.data) as GraphQLResponseBody | string | undefined;
	const errors = typeof body === 'object' && body !== null ? parseGraphQLErrors(body.errors) : [];
	const rawCode = cause.response?.status ?? error.httpCode ?? cause.code;
	const status = Number(rawCode);
	const httpCode = Number.isInteger(status) && status >= 100 ? status : undefined;
	const networkCode =
		httpCode === undefined && typeof rawCode === 'string' && /^E[A-Z_]+$/.test(rawCode) ? rawCode : undefined;
	return {
		httpCode,
		networkCode,
		errors,
		message: networkCode
			? `Could not reach Boomi Spaces (${networkCode})`
			: `Boomi Spaces request failed${httpCode ? ` with HTTP ${httpCode}` : ''}${ownMessage ? `: ${ownMessage}` : ''}`,
		mintFailure: false,
		// Refused before anything was sent; any other network error leaves the outcome unknown.
		notApplied: networkCode === 'ECONNREFUSED',
	};
}

/**
 * POSTs one GraphQL request `{query, variables, operationName}` through the
 * credential and returns Boomi's answer, whatever its status. Only a failure
 * to get an answer (network, JWT minting, a 401 that survived n8n's re-mint)
 * comes back as a `RequestFailure`.
 *
 * Every status except 401 is returned as a response (so status and
 * `Retry-After` can be read); 401 still throws inside n8n, which re-mints the
 * JWT through the credential's `preAuthentication` and retries once.
 */
export async function postGraphQL(
	this: Context,
	endpoints: BoomiEndpoints,
	request: GraphQLRequest,
): Promise<GraphQLOutcome> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: endpoints.graphqlUrl,
		body: { query: request.query, variables: request.variables, operationName: request.operationName },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	type FullResponse = { statusCode: number; headers?: IDataObject; body: unknown };
	let response: FullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as FullResponse;
		if (response.statusCode === 401) {
			// n8n releases without the `except` form ignore every status, so the
			// 401 came back instead of triggering the JWT re-mint. A 401 proves
			// nothing was applied: send once more letting it throw, so n8n runs
			// the credential's preAuthentication and retries.
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				ignoreHttpStatusErrors: false,
			})) as FullResponse;
		}
	} catch (caught) {
		return { ok: false, failure: describeFailure(caught) };
	}

	let body = response.body as GraphQLResponseBody | string | undefined;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as GraphQLResponseBody;
		} catch {
			body = undefined; // Not JSON (a proxy's HTML page, say): judged by its status.
		}
	}
	const parsed = typeof body === 'object' && body !== null ? body : undefined;
	return {
		ok: true,
		response: {
			statusCode: response.statusCode,
			retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
			body: parsed,
			errors: parseGraphQLErrors(parsed?.errors),
		},
	};
}

/**
 * One document, one answer, for callers outside the item router (list
 * search): returns `data`, or throws a `NodeApiError` for any GraphQL error
 * (also in an HTTP 200) and any HTTP failure.
 */
export async function boomiSpacesApiRequest(
	this: Context,
	endpoints: BoomiEndpoints,
	document: GraphQLDocument,
	variables: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const outcome = await postGraphQL.call(this, endpoints, {
		operationName: document.operationName,
		query: document.query,
		variables,
	});
	if (!outcome.ok) throw failureError(this, document, outcome.failure, itemIndex);
	const { statusCode: httpCode, errors, body } = outcome.response;
	if (errors.length > 0 || httpCode < 200 || httpCode >= 300) {
		throw boomiApiError(
			this,
			document,
			{ httpCode, errors, fallbackMessage: `Boomi Spaces answered HTTP ${httpCode} without a GraphQL error` },
			itemIndex,
		);
	}
	if (!body?.data || typeof body.data !== 'object') {
		throw boomiApiError(
			this,
			document,
			{ httpCode, errors: [], fallbackMessage: 'Boomi Spaces answered without GraphQL data' },
			itemIndex,
		);
	}
	return body.data;
}
