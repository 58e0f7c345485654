// Space Delete through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const remove = (spaceId, items = [{}], onError) =>
	env.runNode({ resource: 'space', operation: 'delete', parameters: { spaceId: locator(spaceId) }, onError }, items);

describe('Delete a Space through the n8n engine', () => {
	it('success: deletes the Space and outputs deleted, the Space ID and Boomi’s answer', async () => {
		const result = await remove(seedIds.SPACE_PARTNER);

		expect(env.expectSuccess(result)).toEqual([{ json: { deleted: true, id: seedIds.SPACE_PARTNER, result: true }, pairedItem: { item: 0 } }]);
		expect(env.sim.state.spaces.map((space) => space.id)).toEqual([seedIds.SPACE_MAIN]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('DeleteSpace');
		expect(request.json.variables).toEqual({ spaceId: seedIds.SPACE_PARTNER });
	});

	it('reports deleted: false when Boomi answers false', async () => {
		env.answerOnce('DeleteSpace', { data: { spaceDelete: false } });
		const result = await remove(seedIds.SPACE_PARTNER);
		expect(env.expectSuccess(result)[0].json).toEqual({ deleted: false, id: seedIds.SPACE_PARTNER, result: false });
	});

	it('says the delete may or may not have happened when Boomi answers null without an error', async () => {
		env.answerOnce('DeleteSpace', { data: { spaceDelete: null } });
		const result = await remove(seedIds.SPACE_PARTNER);
		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').description).toMatch(/may or may not have been applied/);
	});

	it("Boomi error: a Space already deleted is Boomi's SPACE_NOT_FOUND", async () => {
		const result = await remove('={{ $json.space }}', [{ space: seedIds.SPACE_PARTNER }, { space: seedIds.SPACE_PARTNER }]);
		const error = env.expectBoomiError(result, /^SPACE_NOT_FOUND/);
		expect(error.description).toMatch(/^Item 1: /);
	});

	it('bad input: an empty Space is refused before any request', async () => {
		const result = await remove('={{ $json.space }}', [{}]);
		env.expectBadInput(result, 'The Space ID is empty');
	});

	it('with Continue gives one item per input, paired', async () => {
		const result = await remove('={{ $json.space }}', [{ space: seedIds.SPACE_PARTNER }, { space: seedIds.SPACE_PARTNER }], 'continueRegularOutput');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.deleted ?? item.json.error])).toEqual([
			[0, true],
			[1, expect.stringMatching(/SPACE_NOT_FOUND/)],
		]);
	});
});
