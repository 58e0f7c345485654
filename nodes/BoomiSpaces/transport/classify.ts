import type { IDataObject } from 'n8n-workflow';

import { JWT_MINT_FAILURE, JWT_MINT_THROTTLED, parseMintRetryAfter } from './endpoints';
import { bounded, excerpt, isThrottleError, parseGraphQLErrors } from './errors';
import { parseRetryAfter } from './pacer';
import type { GraphQLError } from './types';

/**
 * What one answer (or the lack of one) means. The only place that decides it:
 * the router, the pickers and the trigger's poll all act on these kinds.
 *
 * - `data`: a readable GraphQL answer; each field is judged by `fieldOutcome`.
 * - `throttled`: Boomi refused for being too fast (HTTP 429/503); nothing applied, safe to resend.
 * - `notApplied`: provably nothing reached Boomi (connection refused, no JWT,
 *   a redirect not followed); `retry` says whether resending can help.
 * - `rejected`: Boomi (or the gateway) refused the request; nothing applied.
 * - `unknown`: no readable answer after the request was sent (timeout, dropped
 *   connection, a 5xx, an unreadable body): a change may or may not have been applied.
 */
export type Outcome =
	| { kind: 'data'; statusCode: number; data: IDataObject; errors: GraphQLError[]; retryAfterMs?: number }
	| { kind: 'throttled'; statusCode?: number; errors: GraphQLError[]; message: string; retryAfterMs?: number; networkCode?: string }
	| {
			kind: 'notApplied';
			statusCode?: number;
			networkCode?: string;
			errors: GraphQLError[];
			message: string;
			description: string;
			/** Resending can help (refused connection, throttled sign-in). */
			retry: boolean;
			/** The credential cannot sign in: the run's other items fail without a request each. */
			auth: boolean;
			retryAfterMs?: number;
	  }
	| { kind: 'rejected'; statusCode?: number; errors: GraphQLError[]; message: string; description?: string; networkCode?: string }
	| { kind: 'unknown'; statusCode?: number; networkCode?: string; errors: GraphQLError[]; message: string; reason: string };

/** An HTTP answer, any status (redirects already handled by the sender). */
export interface Reply {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** The body as an object when it is a JSON object, else undefined (HTML, truncated JSON, `[]`, `null`). */
function graphQLBody(body: unknown): { data?: unknown; errors?: unknown } | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function contentType(headers: IDataObject): string {
	const value = headers['content-type'];
	return typeof value === 'string' ? value.split(';')[0].trim() : '';
}

/** What an HTTP answer means, before looking at fields. */
export function classifyReply(reply: Reply): Outcome {
	const { statusCode } = reply;
	const body = graphQLBody(reply.body);
	const errors = parseGraphQLErrors(body?.errors);
	const retryAfterMs = parseRetryAfter(reply.headers['retry-after']);
	const unreadable = `HTTP ${statusCode} with ${body ? 'no GraphQL data' : `a body that is not GraphQL (${contentType(reply.headers) || 'no content type'}: ${excerpt(reply.body)})`}`;
	if (statusCode === 429 || statusCode === 503) {
		return { kind: 'throttled', statusCode, errors, retryAfterMs, message: `Boomi Spaces answered HTTP ${statusCode} (throttled)` };
	}
	if (statusCode >= 500 || statusCode < 200) {
		return {
			kind: 'unknown',
			statusCode,
			errors,
			message: `Boomi Spaces answered HTTP ${statusCode}`,
			reason: `Boomi Spaces (or a proxy before it) answered ${unreadable}`,
		};
	}
	if (statusCode >= 400) {
		return { kind: 'rejected', statusCode, errors, message: `Boomi Spaces answered ${unreadable}` };
	}
	const data = body?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		return { kind: 'data', statusCode, data: data as IDataObject, errors, retryAfterMs };
	}
	if (errors.length > 0) return { kind: 'rejected', statusCode, errors, message: errors[0].message };
	return {
		kind: 'unknown',
		statusCode,
		errors,
		message: `Boomi Spaces answered HTTP ${statusCode} without a readable result`,
		reason: `Boomi Spaces answered ${unreadable}`,
	};
}

export type FieldOutcome =
	| { kind: 'success'; value: unknown }
	| { kind: 'throttled'; errors: GraphQLError[] }
	| { kind: 'rejected'; errors: GraphQLError[] }
	| { kind: 'unknown' };

/**
 * One field (or alias) of a readable answer: its value, Boomi's errors for it
 * (or errors without a path, when it has no value), throttled, or nothing
 * readable. A read may legitimately be null; a mutation's null without an
 * error says nothing about whether it was applied.
 */
export function fieldOutcome(outcome: { data: IDataObject; errors: GraphQLError[] }, key: string, mutation: boolean): FieldOutcome {
	const fieldErrors = outcome.errors.filter((error) => error.path?.[0] === key);
	const value = outcome.data[key];
	const errors = fieldErrors.length > 0 ? fieldErrors : value === null || value === undefined ? outcome.errors.filter((error) => !error.path?.length) : [];
	if (errors.length > 0) return errors.every(isThrottleError) ? { kind: 'throttled', errors } : { kind: 'rejected', errors };
	if (value === undefined || (value === null && mutation)) return { kind: 'unknown' };
	return { kind: 'success', value };
}

/** A redirect the node did not follow: nothing reached Boomi, and no credential left the configured origin. */
export function redirectOutcome(statusCode: number, target: URL | undefined, origin: string, reason: 'origin' | 'method' | 'hops'): Outcome {
	const where = target ? target.origin : 'an unreadable address';
	const why =
		reason === 'origin'
			? `to ${where}, another origin than the configured ${origin}`
			: reason === 'method'
				? `to ${where} that would turn the POST into a GET`
				: 'again after several redirects';
	return {
		kind: 'notApplied',
		statusCode,
		errors: [],
		retry: false,
		auth: false,
		message: `Boomi Spaces answered HTTP ${statusCode}: a redirect ${why}`,
		description: `The node did not follow it: the request (and the change, for a mutation) was not sent there, and the credential's token and Space GUID stayed with ${origin}. Check the Region or GraphQL URL of the Boomi Spaces credential, or the proxy between n8n and Boomi.`,
	};
}

/** Connection errors that happen before a request is written: nothing was sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

interface CaughtError {
	message?: unknown;
	description?: unknown;
	messages?: unknown;
	code?: unknown;
	httpCode?: unknown;
	response?: { status?: number; data?: unknown; headers?: IDataObject };
	context?: { data?: unknown };
	cause?: CaughtError;
}

/**
 * A request that threw (a 401 that survived n8n's JWT re-mint, a network
 * error, the credential's JWT minting, the timeout). n8n wraps these in errors
 * whose cause holds the request, Authorization header included: keep only
 * status, Boomi's errors and codes.
 */
export function describeFailure(failure: unknown, timedOutAfterMs: number | undefined): Outcome {
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
		const throttled = mintMessage.startsWith(JWT_MINT_THROTTLED);
		return {
			kind: 'notApplied',
			errors: [],
			message: mintMessage,
			description: throttled
				? "Boomi's JWT endpoint kept throttling sign-ins, so nothing was sent to Boomi Spaces. Run the workflow again later."
				: 'The Boomi Spaces credential could not get a JWT, so nothing was sent to Boomi Spaces. Check the credential (Account ID, Username, API Token, Region).',
			retry: throttled,
			auth: !throttled,
			retryAfterMs: throttled ? parseMintRetryAfter(mintMessage) : undefined,
		};
	}
	if (timedOutAfterMs !== undefined) {
		return {
			kind: 'unknown',
			networkCode: 'ETIMEDOUT',
			errors: [],
			message: `Boomi Spaces did not answer within ${Math.round(timedOutAfterMs / 1000)} s`,
			reason: `Boomi Spaces did not answer within the ${Math.round(timedOutAfterMs / 1000)} s timeout (node option Timeout)`,
		};
	}
	// n8n keeps the response body in `context.data` of its NodeApiError (and
	// drops the cause); a raw request error keeps it in `response.data`.
	const body = error.context?.data ?? cause.response?.data;
	const rawCode = cause.response?.status ?? error.httpCode ?? cause.code;
	const status = Number(rawCode);
	const httpCode = Number.isInteger(status) && status >= 100 ? status : undefined;
	if (httpCode !== undefined) {
		if (httpCode === 401) {
			return {
				kind: 'notApplied',
				statusCode: 401,
				errors: parseGraphQLErrors(graphQLBody(body)?.errors),
				message: 'Boomi did not accept the JWT (HTTP 401)',
				description:
					'n8n signed in again and Boomi still refused, so nothing was applied. Check the Boomi Spaces credential (API token, or a pasted JWT that may have expired after five minutes) and that the user may use this Space.',
				retry: false,
				auth: true,
			};
		}
		if (httpCode >= 300 && httpCode < 400) return redirectOutcome(httpCode, undefined, 'the configured Boomi Spaces URL', 'origin');
		return classifyReply({ statusCode: httpCode, headers: cause.response?.headers ?? {}, body });
	}
	const code = typeof rawCode === 'string' ? rawCode : '';
	if (NOT_SENT_CODES.has(code)) {
		return {
			kind: 'notApplied',
			networkCode: code,
			errors: [],
			message: `Could not reach Boomi Spaces (${code})`,
			description: `Could not connect to Boomi Spaces (${code}), so nothing was sent. Check the Region / GraphQL URL of the Boomi Spaces credential and the network.`,
			retry: true,
			auth: false,
		};
	}
	if (/CERT|TLS|SSL|SELF_SIGNED/i.test(code)) {
		return {
			kind: 'notApplied',
			networkCode: code,
			errors: [],
			message: `Could not open a secure connection to Boomi Spaces (${code})`,
			description: 'The TLS handshake failed before anything was sent. Check the GraphQL URL of the Boomi Spaces credential and any proxy in between.',
			retry: false,
			auth: false,
		};
	}
	const networkCode = /^E[A-Z_]+$/.test(code) ? code : undefined;
	return {
		kind: 'unknown',
		networkCode,
		errors: [],
		message: networkCode ? `Boomi Spaces did not answer (${networkCode})` : `Boomi Spaces did not answer${ownMessage ? `: ${bounded(ownMessage, 200)}` : ''}`,
		reason: `The connection to Boomi Spaces ended without an answer after the request was sent${networkCode ? ` (${networkCode})` : ''}`,
	};
}
