// Several executions of one account at once through the engine against one
// simulator (regular mode, or one worker running several jobs): they share one
// pace, and whatever Boomi throttles is resent until each item succeeded
// exactly once. Counts, order and outcomes only; the benchmark measures time.
const { bulkSeed, bulkAttachmentIds } = require('../simulator/bulk-seed');
const { unattachWorkflow } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine(undefined, { seed: bulkSeed(120) });
let engine;
let sim;
beforeEach(() => ({ engine, sim } = env));

const graphqlRequests = () => sim.requests.filter((request) => request.path === '/graphql');

function runAll(executions, perExecution, options) {
	const ids = bulkAttachmentIds(executions * perExecution);
	const slices = [];
	for (let n = 0; n < executions; n++) slices.push(ids.slice(n * perExecution, (n + 1) * perExecution));
	const workflow = unattachWorkflow({ onError: 'continueErrorOutput' });
	workflow.nodes[0].parameters.options = options;
	return Promise.all(slices.map((slice) => engine.runWorkflow({ ...workflow, items: slice.map((id) => ({ json: { id } })) }))).then((results) => ({
		results,
		slices,
		ids,
	}));
}

function expectEveryItemOnce({ results, slices, ids }) {
	results.forEach((result, n) => {
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 1)).toEqual([]);
		const output = result.output('Boomi Spaces', 0);
		expect(output.map((item) => item.pairedItem)).toEqual(slices[n].map((_id, item) => ({ item })));
		expect(output.map((item) => item.json.id)).toEqual(slices[n]);
	});
	const applied = sim.mutations.map((mutation) => mutation.result);
	expect(applied).toHaveLength(ids.length);
	expect([...applied].sort()).toEqual([...ids].sort());
}

/** Most requests on the wire at once, overall and per execution (by the ids each one sends). */
function peakInFlight(requests) {
	const events = requests.flatMap((request) => [
		[request.at, 1],
		[request.respondedAt, -1],
	]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let peak = 0;
	for (const [, delta] of events) peak = Math.max(peak, (current += delta));
	return peak;
}

describe('parallel executions of one account', () => {
	it.each([3, 6])('%i executions at once share the pace: every item applied exactly once, in order, with its pairedItem', async (executions) => {
		sim.setOptions({ latencyMs: 20, rateLimit: { requestsPerSecond: 40, burst: 4, status: 503 } });
		const run = await runAll(executions, 12, { requestsPerSecond: 40 });

		expectEveryItemOnce(run);
		const requests = graphqlRequests();
		// One pace for the account: throttling stays rare (the benchmark measures it at 10 calls/s).
		expect(requests.filter((request) => request.throttled).length).toBeLessThanOrEqual(Math.ceil(requests.length * 0.05));
	});

	it('converges when Boomi allows less than the node thinks (other workers on the account): all applied once, few 503s', async () => {
		// The node paces at 40/s, the account allows 15/s: only Boomi's answers tell.
		sim.setOptions({ latencyMs: 20, rateLimit: { requestsPerSecond: 15, burst: 3, status: 503 } });
		const run = await runAll(3, 15, { requestsPerSecond: 40 });

		expectEveryItemOnce(run);
		const requests = graphqlRequests();
		const throttled = requests.filter((request) => request.throttled).length;
		expect(throttled).toBeGreaterThan(0);
		// One backoff per congestion episode keeps the 503s a minority of the requests.
		expect(throttled).toBeLessThan(requests.length / 3);
	});

	it('honours Retry-After: throttled items wait it out and are resent once', async () => {
		sim.setOptions({ latencyMs: 10, rateLimit: { requestsPerSecond: 20, burst: 2, status: 429, retryAfterSeconds: 0.3 } });
		const run = await runAll(2, 8, { requestsPerSecond: 40 });

		expectEveryItemOnce(run);
	});
});

describe('requests in flight', () => {
	it('a saved Concurrency stays a ceiling', async () => {
		sim.setOptions({ latencyMs: 150 });
		const run = await runAll(1, 30, { concurrency: 3, requestsPerSecond: 100 });

		expectEveryItemOnce(run);
		expect(peakInFlight(graphqlRequests())).toBeLessThanOrEqual(3);
	});

	it('automatic Concurrency (the default) follows pace × round trip, and the first request goes alone', async () => {
		sim.setOptions({ latencyMs: 150 });
		const run = await runAll(1, 40, { requestsPerSecond: 100 });

		expectEveryItemOnce(run);
		const [first, ...others] = graphqlRequests();
		for (const request of others) expect(request.at).toBeGreaterThanOrEqual(first.respondedAt);
		// 100 calls/s × 0.15 s: well above the 0.1.0 default of 4, never above the cap.
		const peak = peakInFlight(others);
		expect(peak).toBeGreaterThan(4);
		expect(peak).toBeLessThanOrEqual(32);
	});
});

describe('a throttled item', () => {
	it('waits out its own backoff while the other items go on, and is resent once', async () => {
		// One early request is refused with a 503 (no Retry-After): that item's
		// resend waits its own backoff (at least 250 ms) while the next items keep
		// their 10 ms slots; the account's pause is one to two slots, not that.
		const ids = bulkAttachmentIds(20);
		const workflow = unattachWorkflow({ onError: 'continueErrorOutput' });
		workflow.nodes[0].parameters.options = { requestsPerSecond: 100, concurrency: 2 };
		let answered = 0;
		sim.setOptions({
			onRequest: (record) => {
				if (record.path === '/graphql' && ++answered === 1) sim.injectFault({ status: 503, body: { errors: [{ message: 'Rate limit exceeded' }] } });
			},
		});
		const result = await engine.runWorkflow({ ...workflow, items: ids.map((id) => ({ json: { id } })) });

		expectEveryItemOnce({ results: [result], slices: [ids], ids });
		const sent = graphqlRequests().map((request) => request.json.variables.id);
		const throttledId = graphqlRequests().find((request) => request.status === 503).json.variables.id;
		const [first, resend] = sent.flatMap((id, position) => (id === throttledId ? [position] : []));
		expect(resend).toBeGreaterThan(first + 5);
	});
});
