// Get Many (environments) through the n8n engine against the simulator.
const { encodeAttachmentId, seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ENV_PROD, ENV_TEST, ENV_DEV, INSTANCE_HR, INSTANCE_INVENTORY_US, INSTANCE_ORDER_SYNC_EMEA } = seedIds;
const getMany = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'environment', operation: 'getMany', parameters, onError }, items);
const attachment = (instanceId, environmentId) => ({
	id: encodeAttachmentId(instanceId, environmentId),
	environmentId,
	integrationPackInstanceId: instanceId,
});

describe('Get Many environments through the n8n engine', () => {
	it('success: outputs one item per environment with its classification and attachments (each with its id)', async () => {
		const result = await getMany({ returnAll: true });

		expect(env.expectSuccess(result)).toEqual([
			{
				json: {
					id: ENV_PROD,
					name: 'Production',
					classification: 'PROD',
					attachments: [attachment(INSTANCE_ORDER_SYNC_EMEA, ENV_PROD), attachment(INSTANCE_HR, ENV_PROD)],
				},
				pairedItem: { item: 0 },
			},
			{
				json: { id: ENV_TEST, name: 'Test', classification: 'TEST', attachments: [attachment(INSTANCE_HR, ENV_TEST)] },
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: ENV_DEV,
					name: 'Development',
					classification: 'TEST',
					attachments: [attachment(INSTANCE_INVENTORY_US, ENV_DEV)],
				},
				pairedItem: { item: 0 },
			},
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListEnvironments');
		expect(request.json.variables).toEqual({});
	});

	it('filters by classification, then applies the limit', async () => {
		const test = await getMany({ returnAll: true, filters: { classification: 'TEST' } });
		expect(test.output('Boomi Spaces').map((item) => item.json.name)).toEqual(['Test', 'Development']);

		const prod = await getMany({ filters: { classification: '={{ $json.kind }}' } }, [{ kind: 'prod' }]);
		expect(prod.output('Boomi Spaces').map((item) => item.json.name)).toEqual(['Production']);

		const limited = await getMany({ limit: 1, filters: { classification: 'TEST' } });
		expect(limited.output('Boomi Spaces').map((item) => item.json.name)).toEqual(['Test']);
	});

	it('outputs an empty attachments list for an environment without attachments, and nothing for a Space without environments', async () => {
		env.sim.state.attachments.splice(0);
		const bare = await getMany({ returnAll: true });
		expect(bare.output('Boomi Spaces').map((item) => item.json.attachments)).toEqual([[], [], []]);

		env.sim.state.environments.splice(0);
		const none = await getMany({ returnAll: true });
		expect(none.status).toBe('success');
		expect(none.output('Boomi Spaces')).toEqual([]);
	});

	it('keeps each item’s filter and limit when the router batches items into one request', async () => {
		const result = await getMany(
			{ limit: '={{ $json.limit }}', filters: { classification: '={{ $json.kind }}' }, options: { batchSize: 3 } },
			[{ kind: 'TEST', limit: 1 }, { kind: 'PROD', limit: 5 }, { kind: 'TEST', limit: 5 }],
		);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.name])).toEqual([
			[0, 'Test'],
			[1, 'Production'],
			[2, 'Test'],
			[2, 'Development'],
		]);
		const requests = env.graphqlRequests();
		expect(requests).toHaveLength(1);
		// Limit and filter are the node's: nothing of them is sent.
		expect(requests[0].json.variables).toEqual({});
	});

	it("Boomi error: surfaces Boomi's error", async () => {
		env.sim.injectFault({ operationName: 'ListEnvironments', fieldError: { code: 'GENERIC_SYSTEM_ERROR', message: 'Environment service unavailable' } });
		const result = await getMany({ returnAll: true });

		const error = env.expectBoomiError(result, /^GENERIC_SYSTEM_ERROR: Environment service unavailable$/);
		expect(error.httpCode).toBe('GENERIC_SYSTEM_ERROR');
		expect(env.graphqlRequests()).toHaveLength(1);
	});

	it('bad input: rejects a classification other than PROD or TEST before any request', async () => {
		const result = await getMany({ filters: { classification: '={{ $json.kind }}' } }, [{ kind: 'STAGING' }]);

		const error = env.expectBadInput(result, 'The Classification filter must be PROD or TEST');
		expect(error.description).toMatch(/^Item 0: /);
	});

	it('bad input: rejects a limit an expression got wrong, before any request', async () => {
		const result = await getMany({ limit: '={{ $json.limit }}' }, [{ limit: 1.5 }]);

		env.expectBadInput(result, 'Limit must be a whole number of at least 1');
	});

	it('rejects a classification other than PROD or TEST, naming the item, and runs the other items', async () => {
		const result = await getMany({ filters: { classification: '={{ $json.kind }}' } }, [{ kind: 'PROD' }, { kind: 'STAGING' }], 'continueErrorOutput');

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.json.name)).toEqual(['Production']);
		const [error] = result.output('Boomi Spaces', 1);
		expect(error.pairedItem).toEqual({ item: 1 });
		expect(error.json.error).toBe('The Classification filter must be PROD or TEST');
		expect(env.graphqlRequests()).toHaveLength(1);
	});
});
