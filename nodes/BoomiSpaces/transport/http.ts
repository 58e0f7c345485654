import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Outcome, Reply } from './classify';
import { classifyReply, describeFailure, redirectOutcome } from './classify';
import type { BoomiEndpoints } from './endpoints';
import { originOf } from './endpoints';
import type { Context } from './errors';
import type { GraphQLRequest } from './types';

export const CREDENTIAL_TYPE = 'boomiSpacesApi';

/** Same-origin 307/308 redirects followed at most this many times in a row. */
const MAX_REDIRECTS = 3;

type FullResponse = { statusCode: number; headers?: IDataObject; body: unknown };

function header(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' ? text : undefined;
}

/**
 * One POST through the credential, bounded by `timeoutMs` for headers and
 * body alike (a per-socket idle timeout and an overall deadline). Every status
 * except 401 comes back as a reply; 401 throws inside n8n, which re-mints the
 * JWT through the credential's `preAuthentication` and retries once.
 * Redirects are never followed by n8n (it would re-add the credential's
 * headers on another origin): the caller decides.
 */
async function postOnce(
	context: Context,
	url: string,
	request: GraphQLRequest,
	timeoutMs: number,
): Promise<{ reply: Reply } | { outcome: Outcome }> {
	const deadline = AbortSignal.timeout(timeoutMs);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url,
		body: { query: request.query, variables: request.variables, operationName: request.operationName },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		disableFollowRedirect: true,
		timeout: timeoutMs,
		abortSignal: deadline,
	};
	try {
		let response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as FullResponse;
		if (response.statusCode === 401) {
			// n8n releases without the `except` form ignore every status, so the
			// 401 came back instead of triggering the JWT re-mint. A 401 proves
			// nothing was applied: send once more letting it throw, so n8n runs
			// the credential's preAuthentication and retries.
			response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				...options,
				ignoreHttpStatusErrors: false,
			})) as FullResponse;
		}
		return { reply: { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body } };
	} catch (caught) {
		const timedOut = deadline.aborted || /timeout/i.test(String((caught as { message?: unknown })?.message ?? ''));
		return { outcome: describeFailure(caught, timedOut ? timeoutMs : undefined) };
	}
}

/**
 * POSTs one GraphQL request and says what the answer means. Credentials never
 * leave the configured origin (scheme, host and port): a same-origin 307/308
 * is followed with method and body kept; any other redirect fails without
 * being followed, and names its status and target origin.
 */
export async function sendGraphQL(
	this: Context,
	endpoints: BoomiEndpoints,
	request: GraphQLRequest,
	timeoutMs: number,
): Promise<Outcome> {
	const origin = originOf(endpoints.graphqlUrl) ?? endpoints.graphqlUrl;
	let url = endpoints.graphqlUrl;
	for (let hops = 0; ; hops++) {
		const sent = await postOnce(this, url, request, timeoutMs);
		if ('outcome' in sent) return sent.outcome;
		const { reply } = sent;
		if (reply.statusCode < 300 || reply.statusCode >= 400) return classifyReply(reply);
		const location = header(reply.headers, 'location');
		let target: URL | undefined;
		try {
			target = location ? new URL(location, url) : undefined;
		} catch {
			target = undefined;
		}
		if (!target || target.origin !== origin) return redirectOutcome(reply.statusCode, target, origin, 'origin');
		if (reply.statusCode !== 307 && reply.statusCode !== 308) return redirectOutcome(reply.statusCode, target, origin, 'method');
		if (hops >= MAX_REDIRECTS) return redirectOutcome(reply.statusCode, target, origin, 'hops');
		url = target.href;
	}
}
