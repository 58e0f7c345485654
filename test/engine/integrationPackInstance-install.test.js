// Install through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const install = (parameters, items, onError) =>
	env.runNode({ operation: 'install', parameters, onError }, items);

describe('Install through the n8n engine', () => {
	it('success: installs a multi-install pack under the override name and outputs the new instance id', async () => {
		const before = env.sim.state.instances.length;
		const result = await install(
			{ integrationPackId: '={{ $json.pack }}', integrationPackOverrideName: '=Order Sync - {{ $json.customer }}' },
			[{ pack: seedIds.PACK_ORDER_SYNC, customer: 'Acme' }],
		);

		const [item] = env.expectSuccess(result);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({
			id: expect.any(String),
			integrationPackId: seedIds.PACK_ORDER_SYNC,
			integrationPackOverrideName: 'Order Sync - Acme',
		});
		expect(env.sim.state.instances).toHaveLength(before + 1);
		expect(env.sim.state.instances.at(-1)).toEqual(
			expect.objectContaining({ id: item.json.id, integrationPackOverrideName: 'Order Sync - Acme' }),
		);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('InstallIntegrationPack');
		expect(request.json.variables).toEqual({
			input: { integrationPackId: seedIds.PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - Acme' },
		});
	});

	it('installs a single-install pack without an override name, sending none', async () => {
		env.sim.state.instances = env.sim.state.instances.filter((i) => i.integrationPackId !== seedIds.PACK_HR_ONBOARDING);
		const result = await install({ integrationPackId: seedIds.PACK_HR_ONBOARDING }, [{}]);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces')[0].json).toEqual(
			expect.objectContaining({ integrationPackId: seedIds.PACK_HR_ONBOARDING, integrationPackOverrideName: null }),
		);
		expect(env.graphqlRequests()[0].json.variables).toEqual({ input: { integrationPackId: seedIds.PACK_HR_ONBOARDING } });
	});

	it("Boomi error: surfaces Boomi's error when a multi-install pack gets no override name", async () => {
		const result = await install({ integrationPackId: seedIds.PACK_ORDER_SYNC, integrationPackOverrideName: '  ' }, [{}]);

		const error = env.expectBoomiError(result, /^PLATFORM_CALL_ERROR: integrationPackOverrideName is required to install multi-install/);
		expect(error.description).toMatch(/^Item 0: /);
		expect(env.graphqlRequests()[0].json.variables).toEqual({ input: { integrationPackId: seedIds.PACK_ORDER_SYNC } });
		expect(env.sim.mutations).toHaveLength(0);
	});

	it("surfaces Boomi's error for an unknown pack", async () => {
		const result = await install({ integrationPackId: 'no-such-pack' }, [{}]);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/PLATFORM_CALL_ERROR: Integration pack 'no-such-pack' was not found/);
	});

	it('bad input: rejects an empty pack id before any request, naming the item', async () => {
		const result = await install({ integrationPackId: '={{ $json.pack }}' }, [{ pack: '' }]);

		const error = env.expectBadInput(result, 'The Integration Pack ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Integration Pack ID"/);
	});

	it('rejects an override name that is not text', async () => {
		const result = await install(
			{ integrationPackId: seedIds.PACK_ORDER_SYNC, integrationPackOverrideName: '={{ $json.name }}' },
			[{ name: ['a', 'b'] }],
		);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toBe('The Integration Pack Override Name must be text');
		expect(env.graphqlRequests()).toHaveLength(0);
	});

	it('says the install may or may not have happened when Boomi answers without the installed instance and without an error', async () => {
		env.answerOnce('InstallIntegrationPack', { data: { integrationPackInstanceInstall: null } });
		const result = await install({ integrationPackId: seedIds.PACK_ORDER_SYNC, integrationPackOverrideName: 'X' }, [{}]);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/without a result for "Install"/);
		expect(result.nodeError('Boomi Spaces').description).toMatch(/may or may not have been applied/);
	});

	it('with Continue (using error output) gives one item per input', async () => {
		const result = await install(
			{ integrationPackId: seedIds.PACK_INVENTORY, integrationPackOverrideName: '={{ $json.name }}' },
			[{ name: 'Inventory - EU' }, { name: '' }, { name: 'Inventory - US Stores' }],
			'continueErrorOutput',
		);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => [item.pairedItem.item, item.json.integrationPackOverrideName])).toEqual([
			[0, 'Inventory - EU'],
		]);
		const errors = result.output('Boomi Spaces', 1);
		expect(errors.map((item) => item.pairedItem.item)).toEqual([1, 2]);
		expect(errors[0].json.error).toMatch(/integrationPackOverrideName is required/);
		expect(errors[1].json.error).toMatch(/already installed/);
	});
});
