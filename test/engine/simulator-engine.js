// Jest wiring shared by the engine tests of the Boomi Spaces operations: one
// n8n engine (harness) and one simulator per test file, the simulator reset to
// its seed and the credential pointed at it before every test.
const { createEngine } = require('../harness/engine');
const { startSimulator } = require('../simulator');
const { boomiNode, simulatorCredential, useCredential } = require('./boomi-workflow');

function useSimulatorEngine(engineOptions, simulatorOptions) {
	const env = {};
	beforeAll(async () => {
		env.engine = await createEngine(engineOptions);
		env.sim = await startSimulator(simulatorOptions);
	});
	afterAll(async () => {
		await env.sim?.close();
		env.engine?.close();
	});
	beforeEach(() => {
		env.sim.reset();
		env.sim.setOptions({ latencyMs: 0, rateLimit: null, jwtLifetimeMs: 300000, onRequest: undefined });
		useCredential(env.engine, simulatorCredential(env.sim));
	});

	env.graphqlRequests = () => env.sim.requests.filter((request) => request.path === '/graphql');
	/** The JWT mints the simulator answered (`/auth/jwt/generate/<account>`). */
	env.mintRequests = () => env.sim.requests.filter((request) => request.path.startsWith('/auth/jwt/generate/'));
	/** What each mutation returned, in the order the simulator applied them. */
	env.mutationResults = () => env.sim.mutations.map((mutation) => mutation.result);
	/** Runs one Boomi Spaces node on the given item JSONs. */
	env.runNode = (nodeOptions, items = [{}]) =>
		env.engine.runWorkflow({ nodes: [boomiNode(nodeOptions)], connections: {}, items: items.map((json) => ({ json })) });
	/** Boomi's GraphQL answer for one request, e.g. `{ data: { field: null } }`, served once instead of the real one. */
	env.answerOnce = (operationName, body) => env.sim.injectFault({ operationName, status: 200, body });

	// The three cases every operation's engine test file has (test/unit/operation-recipe.test.ts
	// checks that each `success: …`, `Boomi error: …` and `bad input: …` test calls its helper).

	/** success: the run succeeded; returns the main output, every item paired with its input item. */
	env.expectSuccess = (result) => {
		expect(result.status).toBe('success');
		const output = result.output('Boomi Spaces');
		for (const item of output) expect(item.pairedItem).toEqual({ item: expect.any(Number) });
		return output;
	};
	/** The run failed on one item: the node's error, of this class, naming the item. */
	const failedItem = (result, errorName, message) => {
		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.name).toBe(errorName);
		expect(error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
		expect(error.description).toMatch(/^Item \d+: /);
		return error;
	};
	/** Boomi error: Boomi answered a request with an error: the run fails with a NodeApiError naming the item. */
	env.expectBoomiError = (result, message) => {
		const error = failedItem(result, 'NodeApiError', message);
		expect(env.graphqlRequests().map((request) => typeof request.status)).toContain('number');
		return error;
	};
	/** bad input: the node refused an item before any request: a NodeOperationError naming the item. */
	env.expectBadInput = (result, message) => {
		const error = failedItem(result, 'NodeOperationError', message);
		expect(env.graphqlRequests()).toEqual([]);
		return error;
	};
	return env;
}

module.exports = { useSimulatorEngine };
