// Issue 10, through the n8n engine against the simulator: what the node does
// when the network misbehaves — redirects (credentials never leave the
// configured origin), answers it cannot read (an unknown outcome, never a
// rejection), stalls (a bounded timeout), a throttled sign-in (resent), and a
// seeded chaos run whose invariants are checked from the simulator's own log.
// Counts, order and outcomes are asserted; timing is not.
const { bulkSeed, bulkAttachmentIds } = require('../simulator/bulk-seed');
const { startRecorder } = require('../simulator/recorder');
const { testCredential } = require('../harness/credential-tester');
const { simulatorCredential, unattachWorkflow, useCredential, boomiNode } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine(undefined, { seed: bulkSeed(80) });
let recorder;
beforeAll(async () => {
	recorder = await startRecorder();
});
afterAll(() => recorder.close());
beforeEach(() => {
	recorder.requests.length = 0;
});

const graphqlRequests = () => env.sim.requests.filter((request) => request.path.startsWith('/graphql'));
const mints = () => env.sim.requests.filter((request) => request.path.startsWith('/auth/jwt/generate/'));
const appliedIds = () => env.sim.mutations.map((mutation) => mutation.args.id);

function run(options, ids, onError = 'continueErrorOutput') {
	const workflow = unattachWorkflow({ onError });
	workflow.nodes[0].parameters.options = { requestsPerSecond: 1000, ...options };
	return env.engine.runWorkflow({ ...workflow, items: ids.map((id) => ({ json: { id } })) });
}

/** Both outputs of the node, as one list in input order. */
function outcomes(result, count) {
	const all = [...result.output('Boomi Spaces', 0), ...(result.output('Boomi Spaces', 1) ?? [])];
	expect(all.map((item) => item.pairedItem.item).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
	return all.sort((a, b) => a.pairedItem.item - b.pairedItem.item);
}

/** Everything a run leaves behind, as text, must hold no secret. */
function expectNoSecret(result) {
	const text = JSON.stringify(result.runData, (_key, value) => (value instanceof Error ? { ...value, message: value.message, description: value.description } : value));
	const jwts = env.sim.requests.map((request) => request.responseBody).filter((body) => typeof body === 'string' && /^ey/.test(body));
	for (const secret of [env.sim.demo.apiToken, ...jwts, Buffer.from(`BOOMI_TOKEN.${env.sim.demo.username}:${env.sim.demo.apiToken}`).toString('base64')]) {
		expect(text).not.toContain(secret);
	}
}

describe('1. credentials never leave the configured origin', () => {
	it.each([301, 302, 303, 307, 308])('a GraphQL %i to another origin fails the item, names status and origin, and sends nothing there', async (status) => {
		const [id] = bulkAttachmentIds(1);
		env.sim.injectFault({ status, location: `${recorder.url}/graphql` });
		const result = await run({}, [id]);

		const [item] = outcomes(result, 1);
		expect(item.error.message).toBe(`Boomi Spaces answered HTTP ${status}: a redirect to ${recorder.url}, another origin than the configured ${env.sim.url}`);
		expect(item.error.description).toMatch(/the change, for a mutation\) was not sent there/);
		expect(recorder.requests).toEqual([]);
		expect(env.sim.mutations).toEqual([]);
		expect(graphqlRequests()).toHaveLength(1);
	});

	it.each([307, 308])('follows a same-origin %i with method and body kept: applied once', async (status) => {
		const [first, second] = bulkAttachmentIds(2);
		env.sim.injectFault({ status, location: status === 307 ? '/graphql?moved=1' : `${env.sim.url}/graphql?moved=1` });
		const result = await run({ concurrency: 1 }, [first, second]);

		expect(outcomes(result, 2).map((item) => item.json.id)).toEqual([first, second]);
		expect(appliedIds()).toEqual([first, second]);
		const moved = graphqlRequests().filter((request) => request.path.includes('moved'));
		expect(moved.map((request) => [request.method, request.variables])).toEqual([['POST', { id: first }]]);
		expect(graphqlRequests()).toHaveLength(3);
	});

	it('never turns a mutation into a GET on a same-origin 301/302/303', async () => {
		const [id] = bulkAttachmentIds(1);
		env.sim.injectFault({ status: 302, location: '/graphql?get=1' });
		const result = await run({}, [id]);

		expect(outcomes(result, 1)[0].error.message).toMatch(/HTTP 302: a redirect to .* that would turn the POST into a GET/);
		expect(env.sim.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/graphql'))).toEqual([]);
		expect(env.sim.mutations).toEqual([]);
	});

	it('does not follow the JWT endpoint to another origin: the Basic value stays home, the run fails once', async () => {
		env.sim.injectFault({ target: 'auth', status: 302, location: `${recorder.url}/auth/jwt/generate/x`, times: 1 });
		const ids = bulkAttachmentIds(3);
		const result = await run({}, ids);

		const items = outcomes(result, 3);
		for (const item of items) expect(item.error.message).toMatch(/JWT endpoint answered HTTP 302, a redirect to http:\/\/127\.0\.0\.1:\d+ that was not followed/);
		expect(recorder.requests).toEqual([]);
		expect(mints()).toHaveLength(1);
		expect(graphqlRequests()).toEqual([]);
		expectNoSecret(result);
	});

	it('follows a same-origin 307 of the JWT endpoint', async () => {
		env.sim.injectFault({ target: 'auth', status: 307, location: `/auth/jwt/generate/${encodeURIComponent(env.sim.demo.accountId)}`, times: 1 });
		const [id] = bulkAttachmentIds(1);
		const result = await run({}, [id]);

		expect(outcomes(result, 1)[0].json.id).toBe(id);
		expect(mints()).toHaveLength(2);
	});

	it('the credential test follows no redirect either, and says so', async () => {
		env.sim.injectFault({ status: 302, location: `${recorder.url}/graphql` });
		const graphql = await testCredential(env.engine, { type: 'boomiSpacesApi', data: simulatorCredential(env.sim) });
		// n8n words a failed test request itself; it names the status.
		expect(graphql).toEqual({ status: 'Error', message: expect.stringMatching(/302/) });

		env.sim.injectFault({ target: 'auth', status: 307, location: `${recorder.url}/auth/jwt/generate/x` });
		const signIn = await testCredential(env.engine, { type: 'boomiSpacesApi', data: simulatorCredential(env.sim), id: 'fresh-credential' });
		expect(signIn.status).toBe('Error');
		expect(signIn.message).toMatch(/redirect to http:\/\/127\.0\.0\.1:\d+ that was not followed/);
		expect(recorder.requests).toEqual([]);
	});
});

describe('2. an answer the node cannot read is an unknown outcome', () => {
	const field = 'integrationPackInstanceEnvironmentAttachmentUnattach';
	it.each([
		['truncated JSON', 200, `{"data":{"${field}":"QVRU`],
		['invalid JSON', 200, '{data: nope}'],
		['an empty body', 200, ''],
		['an HTML page', 200, '<html><body>Welcome</body></html>'],
		['data without the field', 200, { data: {} }],
		['[]', 200, []],
		['null', 200, 'null'],
		['the field null, no error', 200, { data: { [field]: null } }],
		['a proxy 502 page', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		['a proxy 504 page', 504, '<html><body><h1>504 Gateway Time-out</h1></body></html>'],
		['Boomi’s 500', 500, undefined],
	])('%s after applying: the item says the change may or may not have been applied; never resent', async (_name, status, body) => {
		const ids = bulkAttachmentIds(2);
		env.sim.injectFault({ status, body, afterApply: true, times: 1 });
		const result = await run({ concurrency: 1 }, ids);

		const [first, second] = outcomes(result, 2);
		expect(first.error.description).toMatch(/^Item 0: .*The change may or may not have been applied: check in Boomi whether "Unattach From Environment" took effect/);
		expect(first.error.description).not.toMatch(/sent to integrationPackInstance/);
		expect(second.json.id).toBe(ids[1]);
		expect(appliedIds()).toEqual(ids);
		expect(graphqlRequests()).toHaveLength(2);
	});

	it('keeps Boomi’s own GraphQL error for the field as Boomi’s error', async () => {
		const result = await run({}, ['not-an-attachment']);
		const [item] = outcomes(result, 1);
		expect(item.error.message).toMatch(/^IPACK_INSTANCE_ID_INVALID/);
		expect(item.error.description).not.toMatch(/may or may not/);
	});

	it('resends a read after an unreadable answer (reads are safe to repeat)', async () => {
		env.sim.injectFault({ operationName: 'ListIntegrationPackInstances', status: 200, body: '<html>oops</html>', times: 1 });
		env.sim.injectFault({ operationName: 'ListIntegrationPackInstances', status: 502, body: '<html>Bad Gateway</html>', times: 1 });
		const result = await env.engine.runWorkflow({
			nodes: [boomiNode({ operation: 'getMany', parameters: { returnAll: true, options: { requestsPerSecond: 1000 } } })],
			items: [{ json: {} }],
		});
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces').length).toBeGreaterThan(0);
		expect(graphqlRequests()).toHaveLength(3);
	});

	it('keeps a bounded excerpt of a huge error page', async () => {
		const [id] = bulkAttachmentIds(1);
		env.sim.injectFault({ status: 502, body: `<html><body>${'Bad gateway. '.repeat(80000)}</body></html>` });
		const result = await run({}, [id]);
		const [item] = outcomes(result, 1);
		expect(item.error.description.length).toBeLessThan(1000);
		expect(JSON.stringify(result.runData).length).toBeLessThan(100000);
	});
});

describe('3. nothing waits five minutes', () => {
	it('a stalled server fails a change after Timeout, saying it may or may not have been applied', async () => {
		const ids = bulkAttachmentIds(2);
		env.sim.injectFault({ hang: true, times: 1 });
		const result = await run({ timeout: 1000, concurrency: 1 }, ids);

		const [first, second] = outcomes(result, 2);
		expect(first.error.message).toBe('Boomi Spaces did not answer within 1 s');
		expect(first.error.description).toMatch(/may or may not have been applied/);
		expect(second.json.id).toBe(ids[1]);
		expect(graphqlRequests().filter((request) => request.variables?.id === ids[0])).toHaveLength(1);
	});

	it('a body that stops half-way times out too (headers and body are bounded)', async () => {
		const [id] = bulkAttachmentIds(1);
		env.sim.injectFault({ status: 200, body: { data: { integrationPackInstanceEnvironmentAttachmentUnattach: 'x'.repeat(5000) } }, stallAfterBytes: 100, afterApply: true });
		const result = await run({ timeout: 1000 }, [id]);
		const [item] = outcomes(result, 1);
		expect(item.error.message).toBe('Boomi Spaces did not answer within 1 s');
		expect(item.error.description).toMatch(/may or may not have been applied/);
	});

	it('a read that times out is resent within Max Retries', async () => {
		env.sim.injectFault({ operationName: 'ListIntegrationPackInstances', hang: true, times: 1 });
		const result = await env.engine.runWorkflow({
			nodes: [boomiNode({ operation: 'getMany', parameters: { returnAll: true, options: { timeout: 1000 } } })],
			items: [{ json: {} }],
		});
		expect(result.status).toBe('success');
		expect(graphqlRequests()).toHaveLength(2);
	});
});

describe('4. a throttled sign-in is retried', () => {
	it.each([
		['503 with Retry-After', 503, { 'retry-after': '0' }],
		['429 with Retry-After', 429, { 'retry-after': '0' }],
		['503 without Retry-After', 503, {}],
	])('%s: minted on the next attempt, every item done', async (_name, status, headers) => {
		env.sim.injectFault({ target: 'auth', status, headers, body: 'Service Unavailable', times: 1 });
		const ids = bulkAttachmentIds(3);
		const result = await run({}, ids);

		expect(outcomes(result, 3).map((item) => item.json.id)).toEqual(ids);
		expect(mints()).toHaveLength(2);
		// The throttled item waits out its own backoff while the next one signs in.
		expect([...appliedIds()].sort()).toEqual([...ids].sort());
	});

	it('fails clearly after Max Retries, without one sign-in per item', async () => {
		env.sim.injectFault({ target: 'auth', status: 503, headers: { 'retry-after': '0' }, times: Infinity });
		const ids = bulkAttachmentIds(5);
		const result = await run({ maxRetries: 2 }, ids);

		for (const item of outcomes(result, 5)) {
			expect(item.error.message).toBe('Could not get a Boomi JWT: the JWT endpoint is throttling sign-ins (HTTP 503, retry after 0 s)');
			expect(item.error.description).toMatch(/kept throttling sign-ins, so nothing was sent/);
		}
		expect(mints()).toHaveLength(3);
		expect(graphqlRequests()).toEqual([]);
	});

	it('a 401 from the JWT endpoint is still final: one sign-in for the whole run', async () => {
		useCredential(env.engine, simulatorCredential(env.sim, { apiToken: 'wrong-token' }));
		const result = await run({}, bulkAttachmentIds(4));
		for (const item of outcomes(result, 4)) expect(item.error.message).toMatch(/Boomi refused the API token \(HTTP 401\)/);
		expect(mints()).toHaveLength(1);
	});
});

describe('5. invariants under a seeded mix of faults', () => {
	it.each([
		['one item per request', { concurrency: 4 }, 11],
		['batches of 3', { concurrency: 3, batchSize: 3 }, 29],
	])('%s: one outcome per item in order, each success applied once, each error not applied or unknown, nothing twice', async (_name, options, seed) => {
		const ids = bulkAttachmentIds(60);
		env.sim.setChaos({ seed, probability: 0.3 });
		const result = await run({ maxRetries: 8, ...options }, ids);
		env.sim.setChaos(null);

		const items = outcomes(result, ids.length);
		const applied = appliedIds();
		expect(new Set(applied).size).toBe(applied.length);
		items.forEach((item, index) => {
			if (item.error) {
				if (applied.includes(ids[index])) expect(item.error.description).toMatch(/may or may not have been applied/);
			} else {
				expect(item.json.id).toBe(ids[index]);
				expect(applied.filter((id) => id === ids[index])).toHaveLength(1);
			}
		});
		expect(env.sim.requests.filter((request) => request.chaos).length).toBeGreaterThan(5);
		expectNoSecret(result);
	});
});
