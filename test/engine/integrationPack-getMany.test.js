// Integration Pack Get Many (the packs listed in a Space) through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const getMany = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'integrationPack', operation: 'getMany', parameters: { spaceId: locator(seedIds.SPACE_MAIN), returnAll: true, ...parameters }, onError }, items);

describe('Get many integration packs listed in a Space through the n8n engine', () => {
	it('success: one item per listing, the catalog metadata parsed', async () => {
		const result = await getMany();

		const items = env.expectSuccess(result);
		expect(items.map((item) => item.json.spaceArtifactId)).toEqual([seedIds.PACK_ORDER_SYNC, seedIds.PACK_HR_ONBOARDING, seedIds.PACK_INVENTORY]);
		expect(items[0].json).toEqual({
			id: expect.any(String),
			spaceId: seedIds.SPACE_MAIN,
			spaceArtifactType: 'INTEGRATION_PACK',
			spaceArtifactId: seedIds.PACK_ORDER_SYNC,
			spaceArtifactStatus: 'PUBLISHED',
			lastModifiedDate: expect.stringMatching(/Z$/),
			modifiedByUserId: null,
			modifiedByAccountId: env.sim.demo.accountId,
			catalogArtifactMetaData: expect.objectContaining({ name: 'Salesforce to NetSuite Order Sync', installationType: 'MULTI' }),
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListSpaceIntegrationPacks');
		expect(request.json.variables).toEqual({ spaceId: seedIds.SPACE_MAIN, spaceArtifactListingType: 'INTEGRATION_PACK' });
	});

	it("lists another Space's packs by its ID, Limit applies, and Boomi's default listing type sends none", async () => {
		const items = env.expectSuccess(await getMany({ spaceId: locator(seedIds.SPACE_PARTNER), spaceArtifactListingType: 'default', returnAll: false, limit: 5 }));
		expect(items.map((item) => item.json.spaceArtifactId)).toEqual([seedIds.PACK_HR_ONBOARDING]);
		expect(env.graphqlRequests()[0].json.variables).toEqual({ spaceId: seedIds.SPACE_PARTNER });
		expect(env.expectSuccess(await getMany({ returnAll: false, limit: 1 }))).toHaveLength(1);
	});

	it('keeps catalog metadata that is not JSON as it came and names it, without failing the item', async () => {
		env.answerOnce('ListSpaceIntegrationPacks', {
			data: {
				spaceArtifactListings: {
					numberOfResults: 2,
					currentPageSize: 2,
					spaceArtifactsData: [
						{ id: 'l1', spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: 'p1' }, submissionStatus: null, spaceArtifactListingMetaData: { catalogArtifactMetaData: 'not json {' } },
						{ id: 'l2', spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: 'p2' }, spaceArtifactListingMetaData: null },
					],
				},
			},
		});
		const items = env.expectSuccess(await getMany());
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: 'l1', spaceArtifactStatus: null, catalogArtifactMetaData: 'not json {', unparsedFields: ['catalogArtifactMetaData'] }),
			expect.objectContaining({ id: 'l2', catalogArtifactMetaData: null }),
		]);
		expect(items[1].json).not.toHaveProperty('unparsedFields');
	});

	it('outputs nothing for a Space without listings', async () => {
		env.answerOnce('ListSpaceIntegrationPacks', { data: { spaceArtifactListings: { numberOfResults: 0, currentPageSize: 0, spaceArtifactsData: [] } } });
		const result = await getMany();
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces')).toEqual([]);
	});

	it("Boomi error: an unknown Space is Boomi's SPACE_NOT_FOUND", async () => {
		const result = await getMany({ spaceId: locator('no-such-space') });
		env.expectBoomiError(result, /^SPACE_NOT_FOUND/);
	});

	it('bad input: an empty Space is refused before any request', async () => {
		const result = await getMany({ spaceId: locator('={{ $json.space }}') }, [{}]);
		env.expectBadInput(result, 'The Space ID is empty');
	});

	it('with Continue gives one outcome per item, paired', async () => {
		const result = await getMany({ spaceId: locator('={{ $json.space }}') }, [{ space: 'nope' }, { space: seedIds.SPACE_PARTNER }], 'continueRegularOutput');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.spaceArtifactId ?? item.json.error])).toEqual([
			[0, expect.stringMatching(/SPACE_NOT_FOUND/)],
			[1, seedIds.PACK_HR_ONBOARDING],
		]);
	});
});
