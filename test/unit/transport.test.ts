import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import {
	classifyReply,
	fieldOutcome,
	isThrottleError,
	parseGraphQLErrors,
	sendGraphQL,
} from '../../nodes/BoomiSpaces/transport';
import { bounded, excerpt } from '../../nodes/BoomiSpaces/transport/errors';

const endpoints = { graphqlUrl: 'https://boomi.invalid/graphql', authUrl: 'https://boomi.invalid' };
const request = { operationName: 'Op', query: 'query Op { spaces { id } }', variables: { id: 'x' } };
const TIMEOUT = 60000;

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

describe('sendGraphQL', () => {
	it('asks n8n for every status but 401 as a response, bounded by a timeout, redirects not followed', async () => {
		const { context, calls } = contextAnswering(() => ({ statusCode: 200, headers: {}, body: { data: { spaces: [] } } }));
		const outcome = await sendGraphQL.call(context, endpoints, request, TIMEOUT);
		expect(outcome).toEqual({ kind: 'data', statusCode: 200, data: { spaces: [] }, errors: [], retryAfterMs: undefined });
		expect(calls[0]).toEqual(
			expect.objectContaining({
				method: 'POST',
				url: endpoints.graphqlUrl,
				body: { query: request.query, variables: request.variables, operationName: 'Op' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
				disableFollowRedirect: true,
				timeout: TIMEOUT,
			}),
		);
		expect(calls[0].abortSignal).toBeDefined();
	});

	it('resends once letting a 401 throw when n8n returned it (releases without the `except` form), so n8n re-mints', async () => {
		const { context, calls } = contextAnswering(
			() => ({ statusCode: 401, headers: {}, body: { errors: [{ message: 'Downstream Execution Error: Unauthorized' }] } }),
			() => ({ statusCode: 200, headers: {}, body: { data: { spaces: [] } } }),
		);
		const outcome = await sendGraphQL.call(context, endpoints, request, TIMEOUT);
		expect(outcome.kind).toBe('data');
		expect(calls).toHaveLength(2);
		expect(calls[1].ignoreHttpStatusErrors).toBe(false);
	});

	it('follows a same-origin 307/308 with method and body, and nothing else', async () => {
		const same = contextAnswering(
			() => ({ statusCode: 307, headers: { location: '/v2/graphql' }, body: '' }),
			() => ({ statusCode: 200, headers: {}, body: { data: { spaces: [] } } }),
		);
		expect((await sendGraphQL.call(same.context, endpoints, request, TIMEOUT)).kind).toBe('data');
		expect(same.calls[1]).toEqual(expect.objectContaining({ method: 'POST', url: 'https://boomi.invalid/v2/graphql', body: same.calls[0].body }));

		for (const [status, location, words] of [
			[302, 'https://evil.invalid/graphql', /redirect to https:\/\/evil\.invalid, another origin/],
			[307, 'https://boomi.invalid:8443/graphql', /redirect to https:\/\/boomi\.invalid:8443, another origin/],
			[307, 'http://boomi.invalid/graphql', /redirect to http:\/\/boomi\.invalid, another origin/],
			[303, '/elsewhere', /would turn the POST into a GET/],
		] as const) {
			const { context, calls } = contextAnswering(() => ({ statusCode: status, headers: { location }, body: '' }));
			const outcome = await sendGraphQL.call(context, endpoints, request, TIMEOUT);
			expect(calls).toHaveLength(1);
			expect(outcome).toEqual(expect.objectContaining({ kind: 'notApplied', retry: false, statusCode: status, message: expect.stringMatching(words) }));
		}
	});

	it('turns a request failure into safe facts: refused was not applied, a reset or a timeout may have been', async () => {
		const refused = contextAnswering(() => {
			throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', config: { headers: { Authorization: 'Bearer secret.jwt.value' } } });
		});
		const outcomeRefused = await sendGraphQL.call(refused.context, endpoints, request, TIMEOUT);
		expect(outcomeRefused).toEqual(expect.objectContaining({ kind: 'notApplied', networkCode: 'ECONNREFUSED', retry: true, auth: false }));
		expect(JSON.stringify(outcomeRefused)).not.toContain('secret.jwt.value');

		const reset = contextAnswering(() => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		expect(await sendGraphQL.call(reset.context, endpoints, request, TIMEOUT)).toEqual(expect.objectContaining({ kind: 'unknown', networkCode: 'ECONNRESET' }));

		const slow = contextAnswering(() => {
			throw Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' });
		});
		expect(await sendGraphQL.call(slow.context, endpoints, request, TIMEOUT)).toEqual(
			expect.objectContaining({ kind: 'unknown', networkCode: 'ETIMEDOUT', message: 'Boomi Spaces did not answer within 60 s' }),
		);
	});

	it('recognises a JWT-minting failure that n8n wrapped, and a throttled sign-in as safe to resend', async () => {
		const refused = contextAnswering(() => {
			throw Object.assign(new Error('Authorization failed - please check your credentials'), {
				messages: ['Could not get a Boomi JWT: Boomi refused the API token (HTTP 401). Check the Account ID'],
			});
		});
		expect(await sendGraphQL.call(refused.context, endpoints, request, TIMEOUT)).toEqual(
			expect.objectContaining({ kind: 'notApplied', auth: true, retry: false, message: expect.stringMatching(/^Could not get a Boomi JWT: Boomi refused/) }),
		);
		const throttled = contextAnswering(() => {
			throw new Error('Could not get a Boomi JWT: the JWT endpoint is throttling sign-ins (HTTP 503, retry after 2 s)');
		});
		expect(await sendGraphQL.call(throttled.context, endpoints, request, TIMEOUT)).toEqual(
			expect.objectContaining({ kind: 'notApplied', auth: false, retry: true, retryAfterMs: 2000 }),
		);
	});
});

describe('classifyReply', () => {
	const reply = (statusCode: number, body: unknown, headers = {}) => classifyReply({ statusCode, headers, body });

	it('reads Retry-After and Boomi’s errors of a throttled answer', () => {
		const outcome = reply(503, JSON.stringify({ data: null, errors: [{ message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded' }] }), { 'retry-after': '2' });
		expect(outcome).toEqual(expect.objectContaining({ kind: 'throttled', retryAfterMs: 2000 }));
		expect(outcome.errors).toEqual([{ message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded', code: 'PLATFORM_CALL_ERROR' }]);
		expect(isThrottleError(outcome.errors[0])).toBe(true);
	});

	it.each([
		['a proxy page', 502, '<html><body><h1>Bad gateway</h1></body></html>'],
		['a gateway timeout', 504, '<html>Gateway Timeout</html>'],
		['Boomi’s server error', 500, { data: null, errors: [{ message: 'Downstream Execution Error: Server Error' }] }],
		['truncated JSON', 200, '{"data":{"integrationPackInstanceEnvironmentAttachmentUn'],
		['an empty body', 200, ''],
		['an HTML page with 200', 200, '<html>Login</html>'],
		['an array', 200, []],
		['null', 200, null],
		['no data and no errors', 200, { foo: 1 }],
	])('%s is an unknown outcome (HTTP %i)', (_name, status, body) => {
		expect(reply(status, body).kind).toBe('unknown');
	});

	it('keeps Boomi’s errors as a rejection when there is no data, and 4xx pages as refusals', () => {
		expect(reply(200, { data: null, errors: [{ message: 'SPACE_NOT_FOUND: no such Space' }] })).toEqual(expect.objectContaining({ kind: 'rejected' }));
		expect(reply(400, { data: null, errors: [{ message: 'Syntax Error: Unexpected Name' }] })).toEqual(expect.objectContaining({ kind: 'rejected', statusCode: 400 }));
		expect(reply(404, '<html>Not found</html>')).toEqual(expect.objectContaining({ kind: 'rejected', statusCode: 404 }));
	});

	it('judges each field: value, Boomi’s error, throttled, or nothing readable (null means nothing for a change)', () => {
		const outcome = { data: { a: 'x', b: null, c: null, d: null }, errors: [{ message: 'IPACK_INSTANCE_ID_INVALID: nope', path: ['b'] }, { message: 'PLATFORM_CALL_ERROR: 503 rate limit', path: ['c'] }] };
		expect(fieldOutcome(outcome, 'a', true)).toEqual({ kind: 'success', value: 'x' });
		expect(fieldOutcome(outcome, 'b', true)).toEqual(expect.objectContaining({ kind: 'rejected' }));
		expect(fieldOutcome(outcome, 'c', true)).toEqual(expect.objectContaining({ kind: 'throttled' }));
		expect(fieldOutcome(outcome, 'd', true)).toEqual({ kind: 'unknown' });
		expect(fieldOutcome(outcome, 'd', false)).toEqual({ kind: 'success', value: null });
		expect(fieldOutcome(outcome, 'missing', false)).toEqual({ kind: 'unknown' });
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

	it('bounds what it keeps of a huge answer and blanks secrets', () => {
		const huge = 'x'.repeat(5_000_000);
		const errors = parseGraphQLErrors(Array.from({ length: 1000 }, () => ({ message: huge })));
		expect(errors).toHaveLength(20);
		expect(errors[0].message.length).toBeLessThan(1100);
		expect(excerpt(`<html>${huge}</html>`).length).toBeLessThan(300);
		expect(bounded('Authorization: Bearer abc.def.ghi and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2ln')).not.toMatch(/abc\.def|eyJ/);
	});
});
