// Space Get through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const get = (spaceId, items = [{}], onError) =>
	env.runNode({ resource: 'space', operation: 'get', parameters: { spaceId: locator(spaceId) }, onError }, items);

describe('Get a Space through the n8n engine', () => {
	it('success: outputs the Space with its account group and logo text, sending `space`, not `Space`', async () => {
		const result = await get(seedIds.SPACE_MAIN);

		const [item] = env.expectSuccess(result);
		expect(item.json).toEqual({
			id: seedIds.SPACE_MAIN,
			name: 'Customer Integrations',
			description: 'Integration packs offered to Demo Company customers',
			createdDate: '2024-03-11 09:14:27.0',
			createdByAccountId: env.sim.demo.accountId,
			modifiedDate: '2025-01-20 16:02:51.0',
			modifiedByAccountId: env.sim.demo.accountId,
			url: expect.stringContaining(seedIds.SPACE_MAIN),
			accountGroup: { id: seedIds.ACCOUNT_GROUP_MAIN, name: 'Customer Integrations Group' },
			theme: { logoAltTxt: 'Demo Company', logoUrl: expect.stringMatching(/\.svg$/) },
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('GetSpace');
		expect(request.json.variables).toEqual({ spaceId: seedIds.SPACE_MAIN });
		expect(request.json.query).toMatch(/\bspace\(id: \$spaceId\)/);
	});

	it('gets any Space the account created, whatever Space GUID the credential holds', async () => {
		const result = await get('={{ $json.space }}', [{ space: seedIds.SPACE_PARTNER }]);
		expect(env.expectSuccess(result).map((item) => item.json.name)).toEqual(['Partner Sandbox']);
	});

	it("Boomi error: an unknown Space is Boomi's SPACE_NOT_FOUND", async () => {
		const result = await get('no-such-space');
		env.expectBoomiError(result, "SPACE_NOT_FOUND: Space 'no-such-space' was not found");
	});

	it('fails the item when Boomi answers null without an error, saying where to find the ID', async () => {
		env.answerOnce('GetSpace', { data: { space: null } });
		const result = await get(seedIds.SPACE_MAIN);
		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/without a Space for ID/);
	});

	it('bad input: an empty Space is refused before any request', async () => {
		const result = await get('={{ $json.space }}', [{ space: '' }]);
		const error = env.expectBadInput(result, 'The Space ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Space"/);
	});

	it('with Continue gives one item per input, paired', async () => {
		const result = await get('={{ $json.space }}', [{ space: 'nope' }, { space: seedIds.SPACE_MAIN }], 'continueRegularOutput');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.name ?? item.json.error])).toEqual([
			[0, expect.stringMatching(/SPACE_NOT_FOUND/)],
			[1, 'Customer Integrations'],
		]);
	});
});
