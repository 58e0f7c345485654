// Integration Pack Get (a listing of a Space by its listing ID) through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const get = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'integrationPack', operation: 'get', parameters: { spaceId: locator(seedIds.SPACE_MAIN), ...parameters }, onError }, items);

/** The listing IDs of a Space, as Get Many outputs them (read straight from the simulator). */
async function listingIds(spaceId) {
	const result = await env.runNode({ resource: 'integrationPack', operation: 'getMany', parameters: { spaceId: locator(spaceId), returnAll: true } });
	const ids = result.output('Boomi Spaces').map((item) => item.json.id);
	env.sim.requests.splice(0);
	return ids;
}

describe('Get an integration pack listed in a Space through the n8n engine', () => {
	it('success: outputs the listing asked for, its catalog metadata parsed', async () => {
		const [first, second] = await listingIds(seedIds.SPACE_MAIN);
		const result = await get({ spaceArtifactListingIds: locator(second) });

		const items = env.expectSuccess(result);
		expect(items.map((item) => [item.json.id, item.json.spaceArtifactId, item.json.catalogArtifactMetaData.name])).toEqual([
			[second, seedIds.PACK_HR_ONBOARDING, 'Workday Employee Onboarding'],
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('GetSpaceIntegrationPacks');
		expect(request.json.variables).toEqual({ spaceId: seedIds.SPACE_MAIN, spaceArtifactListingIds: [second], spaceArtifactListingType: 'INTEGRATION_PACK' });
		expect(first).not.toBe(second);
	});

	it('takes several listing IDs from an expression (array or comma-separated), one item per listing', async () => {
		const ids = await listingIds(seedIds.SPACE_MAIN);
		const result = await get({ spaceArtifactListingIds: locator('={{ $json.ids }}') }, [{ ids: `${ids[0]}, ${ids[2]},` }, { ids: [ids[1]] }]);
		expect(env.expectSuccess(result).map((item) => [item.pairedItem.item, item.json.id])).toEqual([
			[0, ids[0]],
			[0, ids[2]],
			[1, ids[1]],
		]);
	});

	it('fails the item when Boomi returns no listing and no error, naming the IDs', async () => {
		env.answerOnce('GetSpaceIntegrationPacks', { data: { spaceArtifactListings: { numberOfResults: 0, currentPageSize: 0, spaceArtifactsData: [] } } });
		const result = await get({ spaceArtifactListingIds: locator('l-1') });
		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/no integration pack listing for "l-1"/);
	});

	it("Boomi error: a listing of another Space is Boomi's ARTIFACT_NOT_IN_SPACE", async () => {
		const [listing] = await listingIds(seedIds.SPACE_MAIN);
		const result = await get({ spaceId: locator(seedIds.SPACE_PARTNER), spaceArtifactListingIds: locator(listing) });
		env.expectBoomiError(result, /^ARTIFACT_NOT_IN_SPACE/);
	});

	it('bad input: an empty listing ID is refused before any request', async () => {
		const result = await get({ spaceArtifactListingIds: locator('={{ $json.listing }}') }, [{ listing: ' , ' }]);
		const error = env.expectBadInput(result, 'The Integration Pack Listing ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Integration Pack Listing"/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const [listing] = await listingIds(seedIds.SPACE_MAIN);
		const result = await get({ spaceArtifactListingIds: locator('={{ $json.listing }}') }, [{ listing: 'nope' }, { listing }], 'continueErrorOutput');
		expect(result.output('Boomi Spaces', 0).map((item) => [item.pairedItem.item, item.json.id])).toEqual([[1, listing]]);
		expect(result.output('Boomi Spaces', 1).map((item) => [item.pairedItem.item, item.json.error])).toEqual([[0, expect.stringMatching(/ARTIFACT_NOT_IN_SPACE/)]]);
	});
});
