import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Outcome } from './classify';
import type { GraphQLError, RequestLabel } from './types';

/** Every context that sends: the action node, its pickers, the trigger's poll. */
export type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Bounds on what an error keeps of an answer: a 20 MB error page is never stored twice. */
const MAX_MESSAGE_CHARS = 1000;
const MAX_ERRORS = 20;
const MAX_EXCERPT_CHARS = 200;

/**
 * Text that might carry a secret, blanked: a JWT (three base64url segments),
 * a Bearer or Basic value. A proxy page may echo the request's headers.
 */
export function redact(text: string): string {
	return text
		.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9+/=._~-]+/gi, '$1 [hidden]')
		.replace(/\b[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '[hidden]');
}

/** At most `max` characters of a text, secrets blanked, on one line. */
export function bounded(text: string, max = MAX_MESSAGE_CHARS): string {
	const line = redact(text).replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max)}… (${line.length - max} more characters)` : line;
}

/** A short, safe look at a body that is not GraphQL (an HTML proxy page, say). */
export function excerpt(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'an empty body';
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const words = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
	return `"${bounded(words, MAX_EXCERPT_CHARS)}"`;
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

/** A GraphQL `errors` array as far as we rely on it, bounded in count and length. */
export function parseGraphQLErrors(errors: unknown): GraphQLError[] {
	if (!Array.isArray(errors)) return [];
	return errors.slice(0, MAX_ERRORS).map((entry) => {
		const error = (entry && typeof entry === 'object' ? entry : { message: String(entry) }) as IDataObject;
		const raw = typeof error.message === 'string' ? error.message : JSON.stringify(entry) ?? '';
		const message = bounded(raw);
		const parsed: GraphQLError = { message };
		const code = errorCode(error, raw);
		if (code) parsed.code = code.slice(0, 100);
		if (Array.isArray(error.path)) parsed.path = (error.path as Array<string | number>).slice(0, 10);
		return parsed;
	});
}

/** A GraphQL error saying the platform call behind a field was throttled (not applied). */
export function isThrottleError(error: GraphQLError): boolean {
	return /\b(429|503)\b|rate limit|too many requests|throttl/i.test(error.message);
}

/** "Item 3: …" for an item's error, the text alone otherwise. One place builds it. */
export function forItem(text: string, itemIndex: number | undefined): string {
	return itemIndex === undefined ? text : `Item ${itemIndex}: ${text}`;
}

/** What to check after an unknown outcome of a change. */
export function unknownOutcomeAdvice(label: RequestLabel, reason: string): string {
	return `${reason}. The change may or may not have been applied: check in Boomi whether "${label.name}" took effect (for example with a Get Many operation) before running it again.`;
}

/** What a user can do about Boomi's refusal, by code or HTTP status. */
function rejectionAdvice(httpCode: number | undefined, code: string | undefined, label: RequestLabel): string {
	if (httpCode === 401 || code === 'UNAUTHORIZED') {
		return 'Boomi did not accept the JWT. Check the Boomi Spaces credential (API token, or a pasted JWT that may have expired after five minutes).';
	}
	if (code === 'SPACE_NOT_FOUND') {
		return 'Check the Space GUID in the Boomi Spaces credential and that the token has access to that Space.';
	}
	if (code === 'IPACK_INSTANCE_ID_INVALID' || code === 'IPACK_NOT_FOUND_IN_SPACE' || code === 'ARTIFACT_NOT_IN_SPACE') {
		return `Boomi did not find the ID given to "${label.name}" in this Space: it may be wrong, belong to another Space, or be already detached/removed.`;
	}
	if (httpCode !== undefined && httpCode >= 400 && httpCode < 500) {
		return `Boomi Spaces refused "${label.name}" (HTTP ${httpCode}); nothing was applied. Check the credential's Region / GraphQL URL and the values sent.`;
	}
	return `Boomi rejected "${label.name}"; nothing was applied. The message above is Boomi's own.`;
}

/** The one error type the node raises for anything Boomi (or the network) answered. Holds no request data. */
export function outcomeError(
	context: Context,
	label: RequestLabel,
	outcome: Outcome,
	itemIndex?: number,
	attempts = 1,
): NodeApiError {
	const { errors } = outcome;
	const messages = errors.map((error) => error.message).filter(Boolean);
	const code = errors.find((error) => error.code)?.code;
	const fallback = outcome.kind === 'data' ? `Boomi Spaces answered without a result for "${label.name}"` : outcome.message;
	const message = messages.length > 0 ? messages.join('; ') : fallback;
	let description: string;
	switch (outcome.kind) {
		case 'throttled':
			description = `Boomi kept throttling the request (${attempts} attempts); nothing was applied. The Platform API allows about 10 calls per second per account: lower the node's Requests Per Second option or run it later.`;
			break;
		case 'notApplied':
			description = outcome.description;
			break;
		case 'rejected':
			description = [outcome.description, rejectionAdvice(outcome.statusCode, code, label)].filter(Boolean).join(' ');
			break;
		default: {
			const reason = outcome.kind === 'data' ? 'Boomi Spaces answered without a result and without an error for this item' : outcome.reason;
			description = label.mutation
				? unknownOutcomeAdvice(label, reason)
				: `${reason} (${attempts} attempt${attempts === 1 ? '' : 's'}). Nothing was changed (this only reads); try again later.`;
		}
	}
	const httpCode = outcome.statusCode;
	const errorResponse: JsonObject = { message, operation: label.name, errors: errors as unknown as JsonObject[] };
	if (code) errorResponse.code = code;
	if (httpCode !== undefined) errorResponse.httpCode = String(httpCode);
	if (outcome.kind !== 'data' && outcome.networkCode) errorResponse.networkCode = outcome.networkCode;
	// n8n shows `httpCode` as the "Error code": Boomi's own code says more than
	// an HTTP 200 that carried it (the status stays in the error's response).
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description: forItem(description, itemIndex),
		httpCode: (outcome.kind === 'throttled' ? undefined : code) ?? (httpCode === undefined ? undefined : String(httpCode)),
		itemIndex,
	});
}
