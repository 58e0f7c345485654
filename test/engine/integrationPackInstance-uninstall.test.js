// Uninstall through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const uninstall = (id, items = [{}], onError) =>
	env.runNode({ operation: 'uninstall', parameters: { integrationPackInstanceId: locator(id) }, onError }, items);

describe('Uninstall through the n8n engine', () => {
	it('success: uninstalls an instance and returns Boomi’s answer', async () => {
		const id = seedIds.INSTANCE_INVENTORY_US;
		const result = await uninstall('={{ $json.instanceId }}', [{ instanceId: id }]);

		expect(env.expectSuccess(result)).toEqual([{ json: { uninstalled: true, id, result: id }, pairedItem: { item: 0 } }]);
		expect(env.sim.state.instances.map((instance) => instance.id)).not.toContain(id);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('UninstallIntegrationPackInstance');
		expect(request.json.variables).toEqual({ id });
	});

	it("Boomi error: surfaces Boomi's error for an unknown or already uninstalled instance", async () => {
		const result = await uninstall('no-such-instance');

		const error = env.expectBoomiError(result, /^IPACK_INSTANCE_ID_INVALID: Integration pack instance 'no-such-instance' was not found/);
		expect(error.description).toMatch(/^Item 0: /);
		expect(env.sim.mutations).toEqual([]);
	});

	it('says the uninstall may or may not have happened when Boomi answers null without an error', async () => {
		env.answerOnce('UninstallIntegrationPackInstance', { data: { integrationPackInstanceUninstall: null } });
		const result = await uninstall(seedIds.INSTANCE_HR);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').description).toMatch(/may or may not have been applied/);
	});

	it('bad input: rejects an empty id before any request, naming the item', async () => {
		const result = await uninstall('={{ $json.instanceId }}', [{}]);

		const error = env.expectBadInput(result, 'The Integration Pack Instance ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Integration Pack Instance"/);
	});

	it('with Continue gives one item per input', async () => {
		const id = seedIds.INSTANCE_ORDER_SYNC_APAC;
		const result = await uninstall('={{ $json.instanceId }}', [{ instanceId: id }, { instanceId: id }], 'continueRegularOutput');

		expect(result.status).toBe('success');
		const items = result.output('Boomi Spaces');
		expect(items.map((item) => [item.pairedItem.item, item.json.result ?? item.json.error])).toEqual([
			[0, id],
			[1, expect.stringMatching(/IPACK_INSTANCE_ID_INVALID/)],
		]);
	});
});
