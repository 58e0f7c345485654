// Space Update through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const update = (parameters, items = [{}], onError) =>
	env.runNode({ resource: 'space', operation: 'update', parameters: { spaceId: locator(seedIds.SPACE_PARTNER), ...parameters }, onError }, items);

describe('Update a Space through the n8n engine', () => {
	it('success: renames the Space and changes its description, outputs the updated Space', async () => {
		const result = await update({ name: 'Partner Sandbox 2', description: 'Now with more packs' });

		const [item] = env.expectSuccess(result);
		expect(item.json).toMatchObject({
			id: seedIds.SPACE_PARTNER,
			name: 'Partner Sandbox 2',
			description: 'Now with more packs',
			modifiedDate: expect.stringMatching(/^\d{4}-/),
			modifiedByAccountId: env.sim.demo.accountId,
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('UpdateSpace');
		expect(request.json.variables).toEqual({ spaceId: seedIds.SPACE_PARTNER, name: 'Partner Sandbox 2', description: 'Now with more packs' });
	});

	it('an empty description is not sent, so the current one stays (in the simulator)', async () => {
		const result = await update({ name: 'Partner Sandbox' });
		expect(env.expectSuccess(result)[0].json.description).toMatch(/^Limited Space/);
		expect(env.graphqlRequests()[0].json.variables).toEqual({ spaceId: seedIds.SPACE_PARTNER, name: 'Partner Sandbox' });
	});

	it("Boomi error: a name Boomi refuses is Boomi's error, and the Space stays as it was", async () => {
		const result = await update({ name: '<b>Sandbox</b>' });
		env.expectBoomiError(result, /^INVALID_NAME/);
		expect(env.sim.state.spaces[1].name).toBe('Partner Sandbox');
	});

	it('bad input: an empty name is refused before any request, saying Boomi requires it', async () => {
		const result = await update({ name: '={{ $json.name }}', description: 'Only the description' }, [{}]);
		const error = env.expectBadInput(result, 'The Name is empty');
		expect(error.description).toMatch(/^Item 0: set "Name" .*Boomi requires it on every update/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await update(
			{ spaceId: locator('={{ $json.space }}'), name: 'Renamed' },
			[{ space: 'nope' }, { space: seedIds.SPACE_MAIN }],
			'continueErrorOutput',
		);
		expect(result.output('Boomi Spaces', 0).map((item) => [item.pairedItem.item, item.json.name])).toEqual([[1, 'Renamed']]);
		expect(result.output('Boomi Spaces', 1).map((item) => [item.pairedItem.item, item.json.error])).toEqual([[0, expect.stringMatching(/SPACE_NOT_FOUND/)]]);
	});
});
