import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { isThrottleError, parseGraphQLErrors, postGraphQL } from '../../nodes/BoomiSpaces/transport';

const endpoints = { graphqlUrl: 'https://boomi.invalid/graphql', authUrl: 'https://boomi.invalid' };
const request = { operationName: 'Op', query: 'query Op { spaces { id } }', variables: { id: 'x' } };

/** A context whose httpRequestWithAuthentication answers from a script; the engine tests cover n8n's own. */
function contextAnswering(...answers: Array<(options: IHttpRequestOptions) => unknown>) {
	const calls: IHttpRequestOptions[] = [];
	const context = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				calls.push(options);
				const answer = answers[calls.length - 1];
				if (!answer) throw new Error('unexpected request');
				return answer(options);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, calls };
}

describe('postGraphQL', () => {
	it('asks n8n for every status but 401 as a response, with the GraphQL body', async () => {
		const { context, calls } = contextAnswering(() => ({ statusCode: 200, headers: {}, body: { data: { spaces: [] } } }));
		const outcome = await postGraphQL.call(context, endpoints, request);
		expect(outcome).toEqual({ ok: true, response: { statusCode: 200, retryAfterMs: undefined, body: { data: { spaces: [] } }, errors: [] } });
		expect(calls[0]).toEqual(
			expect.objectContaining({
				method: 'POST',
				url: endpoints.graphqlUrl,
				body: { query: request.query, variables: request.variables, operationName: 'Op' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
			}),
		);
	});

	it('resends once letting a 401 throw when n8n returned it (releases without the `except` form), so n8n re-mints', async () => {
		const { context, calls } = contextAnswering(
			() => ({ statusCode: 401, headers: {}, body: { errors: [{ message: 'Downstream Execution Error: Unauthorized' }] } }),
			() => ({ statusCode: 200, headers: {}, body: { data: { spaces: [] } } }),
		);
		const outcome = await postGraphQL.call(context, endpoints, request);
		expect(outcome.ok && outcome.response.statusCode).toBe(200);
		expect(calls).toHaveLength(2);
		expect(calls[1].ignoreHttpStatusErrors).toBe(false);
	});

	it('reads Retry-After and Boomi’s errors of a throttled answer', async () => {
		const { context } = contextAnswering(() => ({
			statusCode: 503,
			headers: { 'retry-after': '2' },
			body: JSON.stringify({ data: null, errors: [{ message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded' }] }),
		}));
		const outcome = await postGraphQL.call(context, endpoints, request);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.response.retryAfterMs).toBe(2000);
		expect(outcome.response.errors).toEqual([
			{ message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded', code: 'PLATFORM_CALL_ERROR' },
		]);
		expect(isThrottleError(outcome.response.errors[0])).toBe(true);
	});

	it('judges a non-JSON answer by its status alone', async () => {
		const { context } = contextAnswering(() => ({ statusCode: 502, headers: {}, body: '<html>Bad gateway</html>' }));
		const outcome = await postGraphQL.call(context, endpoints, request);
		expect(outcome).toEqual({ ok: true, response: { statusCode: 502, retryAfterMs: undefined, body: undefined, errors: [] } });
	});

	it('turns a request failure into safe facts: a refused connection was not applied, a reset may have been', async () => {
		const refused = contextAnswering(() => {
			throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', config: { headers: { Authorization: 'Bearer secret.jwt.value' } } });
		});
		const outcomeRefused = await postGraphQL.call(refused.context, endpoints, request);
		expect(outcomeRefused).toEqual({
			ok: false,
			failure: expect.objectContaining({ networkCode: 'ECONNREFUSED', notApplied: true, mintFailure: false }),
		});
		expect(JSON.stringify(outcomeRefused)).not.toContain('secret.jwt.value');

		const reset = contextAnswering(() => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		const outcomeReset = await postGraphQL.call(reset.context, endpoints, request);
		expect(outcomeReset).toEqual({ ok: false, failure: expect.objectContaining({ networkCode: 'ECONNRESET', notApplied: false }) });
	});

	it('recognises a JWT-minting failure that n8n wrapped', async () => {
		const { context } = contextAnswering(() => {
			throw Object.assign(new Error('Authorization failed - please check your credentials'), {
				messages: ['Could not get a Boomi JWT: Boomi refused the API token (HTTP 401 from https://api.boomi.com/auth/jwt/generate/acme)'],
			});
		});
		const outcome = await postGraphQL.call(context, endpoints, request);
		expect(outcome).toEqual({
			ok: false,
			failure: expect.objectContaining({ mintFailure: true, notApplied: true, message: expect.stringMatching(/^Could not get a Boomi JWT: Boomi refused/) }),
		});
	});
});

describe('parseGraphQLErrors', () => {
	it('finds Boomi’s code in extensions or as a message prefix, keeps the path', () => {
		expect(
			parseGraphQLErrors([
				{ message: 'Not found', extensions: { code: 'IPACK_INSTANCE_ID_INVALID' }, path: ['i1'] },
				{ message: 'SPACE_NOT_FOUND: Space x was not found', extensions: {} },
				{ message: 'Syntax Error: Unexpected Name' },
				'a bare string',
			]),
		).toEqual([
			{ message: 'Not found', code: 'IPACK_INSTANCE_ID_INVALID', path: ['i1'] },
			{ message: 'SPACE_NOT_FOUND: Space x was not found', code: 'SPACE_NOT_FOUND' },
			{ message: 'Syntax Error: Unexpected Name' },
			{ message: 'a bare string' },
		]);
		expect(parseGraphQLErrors(undefined)).toEqual([]);
	});
});
