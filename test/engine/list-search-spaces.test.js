// The pickers of the Space resource (methods/spaceSearch.ts),
// called with n8n-core's LoadOptionsContext as the editor calls them.
const { seedIds } = require('../simulator');
const { boomiNode } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { SPACE_MAIN, SPACE_PARTNER } = seedIds;

const search = (methodName, filter, { resource = 'space', operation = 'get', parameters = {} } = {}) =>
	env.engine.listSearch({ node: boomiNode({ resource, operation, parameters }), methodName, filter });

describe('list search: Spaces', () => {
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

	it('failures throw a NodeApiError saying what could not be loaded', async () => {
		env.answerOnce('ListSpaces', { data: null, errors: [{ message: 'Downstream Execution Error: Unauthorized', path: ['spaces'], extensions: {} }] });
		const error = await search('searchSpaces').catch((caught) => caught);

		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Could not load the Spaces from Boomi Spaces: Downstream Execution Error: Unauthorized');
	});
});
