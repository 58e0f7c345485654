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

export const CREDENTIAL_TYPE = 'boomiSpacesApi';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** One entry of a GraphQL `errors` array, as far as we rely on it. */
export interface GraphQLError {
	message: string;
	code?: string;
	path?: Array<string | number>;
}

interface GraphQLResponseBody {
	data?: IDataObject | null;
	errors?: unknown;
}

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
		return "Boomi is throttling requests (the Platform API allows about 10 requests per second per account). Retry later or lower the node's pace.";
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

/**
 * n8n wraps request failures (the 401 that survived a JWT re-mint, connection
 * errors, JWT-minting problems) in an error whose cause holds the request,
 * Authorization header included. Keep only status, Boomi's body and codes.
 */
function fromRequestFailure(
	context: Context,
	document: GraphQLDocument,
	failure: unknown,
	itemIndex?: number,
): NodeApiError {
	interface RequestFailure {
		message?: unknown;
		description?: unknown;
		messages?: unknown;
		code?: unknown;
		httpCode?: unknown;
		response?: { status?: number; data?: unknown };
		context?: { data?: unknown };
		cause?: RequestFailure;
	}
	const error = (failure ?? {}) as RequestFailure;
	const cause = error.cause ?? error;
	const ownMessage = typeof error.message === 'string' ? error.message : '';
	// NodeApiError may replace the message by a generic text for the status
	// and keep the original among `messages` / `description`.
	const mintFailure = [ownMessage, error.description, ...(Array.isArray(error.messages) ? error.messages : [])].find(
		(text): text is string => typeof text === 'string' && text.startsWith(JWT_MINT_FAILURE),
	);
	if (mintFailure) {
		const status = Number(error.httpCode ?? cause.httpCode);
		return boomiApiError(
			context,
			document,
			{
				httpCode: Number.isInteger(status) ? status : undefined,
				errors: [],
				fallbackMessage: mintFailure,
				description: 'The Boomi Spaces credential could not get a JWT, so nothing was sent to Boomi Spaces.',
			},
			itemIndex,
		);
	}
	// n8n keeps the response body in `context.data` of its NodeApiError (and
	// drops the cause); a raw request error keeps it in `response.data`.
	const body = (error.context?.data ?? cause.response?.data) as GraphQLResponseBody | string | undefined;
	const errors = typeof body === 'object' && body !== null ? parseGraphQLErrors(body.errors) : [];
	const rawCode = cause.response?.status ?? error.httpCode ?? cause.code;
	const status = Number(rawCode);
	const httpCode = Number.isInteger(status) && status >= 100 ? status : undefined;
	const networkCode = httpCode === undefined && typeof rawCode === 'string' ? rawCode : undefined;
	return boomiApiError(
		context,
		document,
		{
			httpCode,
			errors,
			fallbackMessage: networkCode
				? `Could not reach Boomi Spaces (${networkCode})`
				: `Boomi Spaces request failed${httpCode ? ` with HTTP ${httpCode}` : ''}${ownMessage ? `: ${ownMessage}` : ''}`,
		},
		itemIndex,
	);
}

/**
 * POSTs one GraphQL document with its variables and returns `data`. Any
 * non-empty `errors` (in an HTTP 200 or not) and any HTTP failure become a
 * `NodeApiError` carrying Boomi's messages, code and the HTTP status.
 *
 * Every status except 401 comes back as a response (so status and headers can
 * be read); 401 still throws inside n8n, which re-mints the JWT through the
 * credential's `preAuthentication` and retries once.
 */
export async function boomiSpacesApiRequest(
	this: Context,
	endpoints: BoomiEndpoints,
	document: GraphQLDocument,
	variables: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: endpoints.graphqlUrl,
		body: { query: document.query, variables, operationName: document.operationName },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};

	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as { statusCode: number; body: unknown };
		if (response.statusCode === 401) {
			// n8n releases without the `except` form ignore every status, so the
			// 401 came back instead of triggering the JWT re-mint. A 401 proves
			// nothing was applied: send once more letting it throw, so n8n runs
			// the credential's preAuthentication and retries.
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				ignoreHttpStatusErrors: false,
			})) as { statusCode: number; body: unknown };
		}
	} catch (failure) {
		throw fromRequestFailure(this, document, failure, itemIndex);
	}

	let body = response.body as GraphQLResponseBody | string | undefined;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as GraphQLResponseBody;
		} catch {
			// Not JSON (a proxy's HTML page, say): reported below with its status.
		}
	}
	const errors = typeof body === 'object' && body !== null ? parseGraphQLErrors(body.errors) : [];
	const httpCode = response.statusCode;
	if (errors.length > 0 || httpCode < 200 || httpCode >= 300) {
		throw boomiApiError(
			this,
			document,
			{ httpCode, errors, fallbackMessage: `Boomi Spaces answered HTTP ${httpCode} without a GraphQL error` },
			itemIndex,
		);
	}
	if (typeof body !== 'object' || body === null || !body.data || typeof body.data !== 'object') {
		throw boomiApiError(
			this,
			document,
			{ httpCode, errors: [], fallbackMessage: 'Boomi Spaces answered without GraphQL data' },
			itemIndex,
		);
	}
	return body.data;
}
