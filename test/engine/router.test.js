// The item router under load and throttling, through the n8n engine against
// the simulator: batching, concurrency, pacing, resends of what Boomi did not
// apply, and never a resend of what it may have applied. Timing is not
// asserted here (the benchmark measures it); counts, order and outcomes are.
const { startSimulator } = require('../simulator');
const { bulkSeed, bulkAttachmentIds } = require('../simulator/bulk-seed');
const { simulatorCredential, unattachWorkflow, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const COUNT = 40;
const env = useSimulatorEngine(undefined, { seed: bulkSeed(COUNT) });
let engine;
let sim;
beforeEach(() => ({ engine, sim } = env));

const { graphqlRequests, mintRequests: mints, mutationResults } = env;

function workflow(options, extra = {}) {
	const built = unattachWorkflow(extra);
	built.nodes[0].parameters.options = options;
	return built;
}

const run = (options, ids, extra) =>
	engine.runWorkflow({ ...workflow(options, extra), items: ids.map((id) => ({ json: { id } })) });

function expectInOrder(result, ids) {
	const output = result.output('Boomi Spaces');
	expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
	expect(output.map((item) => item.json.id)).toEqual(ids);
	return output;
}

describe('batching', () => {
	it('sends batchSize items per request as aliased fields, output in input order', async () => {
		const ids = bulkAttachmentIds(10);
		const result = await run({ batchSize: 4, concurrency: 2, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('success');
		const output = expectInOrder(result, ids);
		expect(output.map((item) => item.json.result)).toEqual(ids);
		const requests = graphqlRequests();
		expect(requests).toHaveLength(3);
		expect(requests[0].json.operationName).toBe('UnattachIntegrationPackInstanceBatch');
		expect(requests[0].json.query).toContain('i0: integrationPackInstanceEnvironmentAttachmentUnattach(id: $id0)');
		expect(requests[0].json.variables).toEqual({ id0: ids[0], id1: ids[1], id2: ids[2], id3: ids[3] });
		expect(requests[2].json.variables).toEqual({ id0: ids[8], id1: ids[9] });
		expect(mutationResults().sort()).toEqual([...ids].sort());
	});

	it('fails only the items of a batch that Boomi rejected', async () => {
		const ids = bulkAttachmentIds(5);
		ids[2] = 'not-an-attachment';
		const result = await run({ batchSize: 5 }, ids, { onError: 'continueErrorOutput' });

		expect(result.status).toBe('success');
		expect(graphqlRequests()).toHaveLength(1);
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0, 1, 3, 4]);
		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([2]);
		expect(errors[0].json.error).toMatch(/IPACK_INSTANCE_ID_INVALID: .*not-an-attachment/);
		expect(sim.mutations).toHaveLength(4);
	});

	it('checks every item before sending, and sends the rest', async () => {
		const ids = bulkAttachmentIds(4);
		ids[1] = '';
		const result = await run({ batchSize: 4 }, ids, { onError: 'continueRegularOutput' });

		const output = result.output('Boomi Spaces');
		expect(output.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3]);
		expect(output[1].json).toEqual({ error: 'The Attachment ID is empty' });
		// The invalid item is skipped when the batch is formed: 0, 2 and 3 go together.
		const [request] = graphqlRequests();
		expect(graphqlRequests()).toHaveLength(1);
		expect(request.json.variables).toEqual({ id0: ids[0], id1: ids[2], id2: ids[3] });
		expect(sim.mutations).toHaveLength(3);
	});
});

describe('concurrency and the JWT', () => {
	it('mints the JWT once for a run with several requests in flight', async () => {
		sim.setOptions({ latencyMs: 20 });
		const ids = bulkAttachmentIds(16);
		const result = await run({ concurrency: 8, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('success');
		expectInOrder(result, ids);
		expect(mints()).toHaveLength(1);
		// The first request went alone: nothing else started before it was answered.
		const [first, ...others] = graphqlRequests();
		for (const request of others) expect(request.at).toBeGreaterThanOrEqual(first.respondedAt);
	});

	it('re-mints at most once per request in flight when the JWT expires mid-run', async () => {
		sim.setOptions({ latencyMs: 15 });
		const ids = bulkAttachmentIds(24);
		let answered = 0;
		sim.setOptions({
			onRequest: (record) => {
				if (record.path === '/graphql' && ++answered === 8) sim.expireJwts();
			},
		});
		const concurrency = 4;
		const result = await run({ concurrency, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('success');
		expectInOrder(result, ids);
		const rejected = graphqlRequests().filter((request) => request.status === 401).length;
		expect(rejected).toBeGreaterThanOrEqual(1);
		expect(rejected).toBeLessThanOrEqual(concurrency);
		expect(mints().length - 1).toBeLessThanOrEqual(rejected);
		expect(mutationResults().sort()).toEqual([...ids].sort());
	});
});

describe('throttling', () => {
	it.each([
		['HTTP 503 with Retry-After', { status: 503, retryAfterSeconds: 0.2 }],
		['HTTP 429 without Retry-After', { status: 429 }],
	])('resends what Boomi throttled (%s), never twice what it applied', async (_label, limit) => {
		sim.setOptions({ rateLimit: { requestsPerSecond: 20, burst: 3, ...limit } });
		const ids = bulkAttachmentIds(12);
		const result = await run({ requestsPerSecond: 100, concurrency: 4, batchSize: 2 }, ids);

		expect(result.status).toBe('success');
		expectInOrder(result, ids);
		expect(graphqlRequests().filter((request) => request.throttled).length).toBeGreaterThan(0);
		expect(mutationResults().sort()).toEqual([...ids].sort());
	});

	it('resends only the fields a batch answer marks as throttled', async () => {
		sim.setOptions({ rateLimit: { requestsPerSecond: 20, burst: 3, mode: 'field' } });
		const ids = bulkAttachmentIds(10);
		const result = await run({ requestsPerSecond: 100, batchSize: 5, concurrency: 1 }, ids);

		expect(result.status).toBe('success');
		expectInOrder(result, ids);
		const partial = graphqlRequests().filter((request) => request.status === 200 && /rate limit/.test(request.responseBody));
		expect(partial.length).toBeGreaterThan(0);
		expect(mutationResults().sort()).toEqual([...ids].sort());
	});

	it('gives up after maxRetries with the status, one error per item', async () => {
		sim.setOptions({ rateLimit: { requestsPerSecond: 0.01, burst: 1, status: 503, retryAfterSeconds: 0 } });
		const ids = bulkAttachmentIds(3);
		const result = await run({ maxRetries: 2, requestsPerSecond: 100 }, ids, { onError: 'continueErrorOutput' });

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0]);
		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([1, 2]);
		for (const item of errors) {
			expect(item.error.httpCode).toBe('503');
			expect(item.error.description).toMatch(/throttl/);
		}
		// Item 0 took the only token; items 1 and 2: one try and two resends each, never applied.
		expect(sim.mutations).toHaveLength(1);
		const throttledIds = graphqlRequests()
			.filter((request) => request.throttled)
			.map((request) => request.json.variables.id);
		expect(throttledIds.sort()).toEqual([ids[1], ids[1], ids[1], ids[2], ids[2], ids[2]].sort());
		expect(graphqlRequests()).toHaveLength(7);
	});
});

describe('unknown outcomes are never resent', () => {
	it('reports an HTTP 500 after the mutation was applied as an error for that item only', async () => {
		const ids = bulkAttachmentIds(3);
		sim.injectFault({ status: 500, afterApply: true, times: 1 });
		const result = await run({}, ids, { onError: 'continueErrorOutput' });

		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([0]);
		expect(errors[0].error.httpCode).toBe('500');
		expect(errors[0].error.description).toMatch(/may or may not have been applied/);
		expect(graphqlRequests()).toHaveLength(3);
		expect(mutationResults()).toEqual(ids);
	});

	it('reports a dropped connection without resending', async () => {
		const ids = bulkAttachmentIds(2);
		sim.injectFault({ destroySocket: true, afterApply: true, times: 1 });
		const result = await run({}, ids, { onError: 'continueErrorOutput' });

		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([0]);
		expect(errors[0].error.description).toMatch(/may or may not have been applied/);
		expect(graphqlRequests().filter((request) => request.json?.variables?.id === ids[0])).toHaveLength(1);
		expect(result.output('Boomi Spaces', 0).map((item) => item.json.id)).toEqual([ids[1]]);
	});

	it('resends after a refused connection (nothing reached Boomi), then reports it', async () => {
		const closed = await startSimulator();
		const url = closed.graphqlUrl;
		await closed.close();
		useCredential(engine, simulatorCredential(sim, { graphqlUrl: url }));
		const result = await run({ maxRetries: 1 }, bulkAttachmentIds(1), { onError: 'continueRegularOutput' });

		const [item] = result.output('Boomi Spaces');
		// n8n's NodeApiError words ECONNREFUSED itself.
		expect(item.json.error).toBe('The service refused the connection - perhaps it is offline');
		expect(item.error.description).toMatch(/nothing was sent/);
		expect(sim.mutations).toHaveLength(0);
	});
});

describe('a credential that cannot authenticate', () => {
	it('fails every item with the minting error after one sign-in attempt, not one per item', async () => {
		useCredential(engine, simulatorCredential(sim, { apiToken: 'wrong-token-for-router-test' }));
		const ids = bulkAttachmentIds(6);
		const result = await run({ concurrency: 4 }, ids, { onError: 'continueErrorOutput' });

		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3, 4, 5]);
		for (const item of errors) expect(item.json.error).toMatch(/^Could not get a Boomi JWT: Boomi refused the API token/);
		expect(mints()).toHaveLength(1);
		expect(graphqlRequests()).toHaveLength(0);
	});

	it('stops sending once Boomi refused the JWT even after n8n re-minted it', async () => {
		const jwt = sim.mintJwt();
		sim.expireJwts();
		useCredential(engine, simulatorCredential(sim, { authentication: 'jwt', jwt }));
		const ids = bulkAttachmentIds(5);
		const result = await run({ concurrency: 4 }, ids, { onError: 'continueRegularOutput' });

		const output = result.output('Boomi Spaces');
		expect(output.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3, 4]);
		for (const item of output) expect(item.error.httpCode).toBe('401');
		// The first request and n8n's one retry after its re-mint; nothing for items 1–4.
		expect(graphqlRequests()).toHaveLength(2);
		expect(sim.mutations).toHaveLength(0);
	});
});

describe('options', () => {
	it('rejects an out-of-range option before any request', async () => {
		const result = await run({ batchSize: 0 }, bulkAttachmentIds(1));

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toBe('Option "batchSize" must be a whole number from 1 to 50');
		expect(graphqlRequests()).toHaveLength(0);
	});

	// Without continue-on-fail the first failing item ends the run: nothing is
	// sent after it, and what was already in flight completes. Each case below
	// is deterministic, so the exact requests and mutations are asserted.
	const sentIds = () => graphqlRequests().map((request) => request.json.variables.id);

	it('stops at a Boomi error without continue-on-fail: nothing is sent after the failing item', async () => {
		const ids = bulkAttachmentIds(6);
		ids[3] = 'bad-id';
		const result = await run({ concurrency: 1, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/^IPACK_INSTANCE_ID_INVALID: .*bad-id/);
		expect(sentIds()).toEqual(ids.slice(0, 4));
		expect(mutationResults()).toEqual(ids.slice(0, 3));
	});

	it('stops at bad input without continue-on-fail, after what was in flight', async () => {
		// Item 0 goes alone; then worker 1 sends item 1 and worker 2 finds item 2
		// empty while item 1 is in flight: item 1 completes, nothing else is sent.
		const ids = bulkAttachmentIds(6);
		ids[2] = '';
		const result = await run({ concurrency: 2, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toBe('The Attachment ID is empty');
		expect(sentIds()).toEqual(ids.slice(0, 2));
		expect(graphqlRequests().map((request) => request.status)).toEqual([200, 200]);
		expect(mutationResults()).toEqual(ids.slice(0, 2));
	});

	it('reports the first failing item, not the first failure found, and sends nothing after it', async () => {
		// Item 2 (bad input) is found while item 1 (Boomi error) is in flight: item 1 is the run's error.
		const ids = bulkAttachmentIds(6);
		ids[1] = 'bad-id';
		ids[2] = '';
		const result = await run({ concurrency: 2, requestsPerSecond: 100 }, ids);

		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.message).toMatch(/^IPACK_INSTANCE_ID_INVALID: .*bad-id/);
		expect(error.description).toMatch(/^Item 1: /);
		expect(sentIds()).toEqual(ids.slice(0, 2));
		expect(mutationResults()).toEqual(ids.slice(0, 1));
	});
});
