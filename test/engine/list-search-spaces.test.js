// The pickers of the Space and Integration Pack resources (methods/spaceSearch.ts),
// called with n8n-core's LoadOptionsContext as the editor calls them.
const { seedIds } = require('../simulator');
const { boomiNode, locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { SPACE_MAIN, SPACE_PARTNER } = seedIds;

const search = (methodName, filter, { resource = 'space', operation = 'get', parameters = {} } = {}) =>
	env.engine.listSearch({ node: boomiNode({ resource, operation, parameters }), methodName, filter });

describe('list search: Spaces and integration pack listings', () => {
	it('lists the Spaces the account created as "<name> (<account group>)", valued by the Space ID', async () => {
		const { results } = await search('searchSpaces');

		expect(results.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: 'Customer Integrations (Customer Integrations Group)', value: SPACE_MAIN },
			{ name: 'Partner Sandbox (Partner Sandbox Group)', value: SPACE_PARTNER },
		]);
		expect(results[0].url).toContain(SPACE_MAIN);
		expect(env.graphqlRequests().map((request) => request.json.operationName)).toEqual(['ListSpaces']);
		expect((await search('searchSpaces', 'partner')).results.map((result) => result.value)).toEqual([SPACE_PARTNER]);
	});

	it("lists the listings of the Space the node's Space field holds, by pack name, valued by the listing ID", async () => {
		const { results } = await search('searchIntegrationPackListings', undefined, {
			resource: 'integrationPack',
			parameters: { spaceId: locator(SPACE_MAIN, 'list') },
		});

		expect(results.map((result) => result.name)).toEqual([
			'Salesforce to NetSuite Order Sync',
			'Shopify Inventory Replication',
			'Workday Employee Onboarding',
		]);
		const requests = env.graphqlRequests();
		expect(requests.map((request) => [request.json.operationName, request.json.variables])).toEqual([
			['ListSpaceIntegrationPacks', { spaceId: SPACE_MAIN, spaceArtifactListingType: 'INTEGRATION_PACK' }],
		]);
		// The values are the listing IDs Get takes.
		const got = await env.runNode({ resource: 'integrationPack', operation: 'get', parameters: { spaceId: locator(SPACE_MAIN), spaceArtifactListingIds: locator(results[2].value) } });
		expect(env.expectSuccess(got).map((item) => item.json.spaceArtifactId)).toEqual([seedIds.PACK_HR_ONBOARDING]);
	});

	it('without a plain Space ID (empty or an expression) lists the listings of every Space, each named with its Space', async () => {
		const { results } = await search('searchIntegrationPackListings', 'workday', {
			resource: 'integrationPack',
			parameters: { spaceId: locator('={{ $json.spaceId }}') },
		});

		expect(results.map((result) => result.name)).toEqual(['Workday Employee Onboarding (Customer Integrations)', 'Workday Employee Onboarding (Partner Sandbox)']);
		expect(env.graphqlRequests().map((request) => request.json.operationName)).toEqual(['ListSpaces', 'ListSpaceIntegrationPacks', 'ListSpaceIntegrationPacks']);
	});

	it('failures throw a NodeApiError saying what could not be loaded', async () => {
		env.answerOnce('ListSpaces', { data: null, errors: [{ message: 'Downstream Execution Error: Unauthorized', path: ['spaces'], extensions: {} }] });
		const spacesError = await search('searchSpaces').catch((caught) => caught);
		expect(spacesError.name).toBe('NodeApiError');
		expect(spacesError.message).toBe('Could not load the Spaces from Boomi Spaces: Downstream Execution Error: Unauthorized');

		const error = await search('searchIntegrationPackListings', undefined, {
			resource: 'integrationPack',
			parameters: { spaceId: locator('no-such-space') },
		}).catch((caught) => caught);

		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Could not load the integration pack listings from Boomi Spaces (SPACE_NOT_FOUND)');
	});
});
