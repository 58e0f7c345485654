// Get Many (integration pack instances) through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { simulatorCredential, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const getMany = (parameters = {}, items = [{}], onError) => env.runNode({ operation: 'getMany', parameters, onError }, items);

describe('Get Many integration pack instances through the n8n engine', () => {
	it('success: outputs one item per instance with its integration pack (id, name, installation type)', async () => {
		const result = await getMany({ returnAll: true });

		const items = env.expectSuccess(result);
		expect(items).toHaveLength(4);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
		expect(items[0].json).toEqual({
			id: seedIds.INSTANCE_ORDER_SYNC_EMEA,
			integrationPackOverrideName: 'Order Sync - EMEA',
			integrationPack: {
				id: seedIds.PACK_ORDER_SYNC,
				name: 'Salesforce to NetSuite Order Sync',
				description: expect.any(String),
				installationType: 'MULTI',
			},
		});
		expect(items[1].json).toEqual(
			expect.objectContaining({
				id: seedIds.INSTANCE_HR,
				integrationPackOverrideName: null,
				integrationPack: expect.objectContaining({ name: 'Workday Employee Onboarding', installationType: 'SINGLE' }),
			}),
		);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListIntegrationPackInstances');
		// Return All / Limit are applied by the node: nothing but the (empty) variables is sent.
		expect(request.json.variables).toEqual({});
	});

	it('applies the limit to Boomi’s answer (default 50)', async () => {
		expect((await getMany({ limit: 2 })).output('Boomi Spaces').map((item) => item.json.id)).toEqual([
			seedIds.INSTANCE_ORDER_SYNC_EMEA,
			seedIds.INSTANCE_HR,
		]);
		expect((await getMany({})).output('Boomi Spaces')).toHaveLength(4);
	});

	it('runs the query once per input item, pairing each result with its item', async () => {
		const result = await getMany({ limit: 1 }, [{}, {}]);

		expect(result.output('Boomi Spaces').map((item) => item.pairedItem.item)).toEqual([0, 1]);
		expect(env.graphqlRequests()).toHaveLength(2);
	});

	it('outputs nothing when the Space has no instance', async () => {
		env.sim.state.instances.splice(0);
		const result = await getMany({ returnAll: true });

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces')).toEqual([]);
	});

	it("Boomi error: surfaces Boomi's error (wrong Space GUID)", async () => {
		useCredential(env.engine, simulatorCredential(env.sim, { spaceGuid: '00000000-0000-0000-0000-000000000000' }));
		const result = await getMany({ returnAll: true });

		const error = env.expectBoomiError(result, /^SPACE_NOT_FOUND: /);
		expect(error.description).toMatch(/Space GUID/);
		expect(env.graphqlRequests()).toHaveLength(1);
	});

	it('bad input: rejects a limit an expression got wrong, before any request', async () => {
		const result = await getMany({ limit: '={{ $json.limit }}' }, [{ limit: 0 }]);

		const error = env.expectBadInput(result, 'Limit must be a whole number of at least 1');
		expect(error.description).toMatch(/^Item 0: /);
	});
});
