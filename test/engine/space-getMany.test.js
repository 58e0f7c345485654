// Space Get Many through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const getMany = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'space', operation: 'getMany', parameters, onError }, items);

describe('Get many Spaces through the n8n engine', () => {
	it('success: one item per Space the account created, with its account group', async () => {
		const result = await getMany({ returnAll: true });

		const items = env.expectSuccess(result);
		expect(items.map((item) => [item.json.id, item.json.name, item.json.accountGroup.name])).toEqual([
			[seedIds.SPACE_MAIN, 'Customer Integrations', 'Customer Integrations Group'],
			[seedIds.SPACE_PARTNER, 'Partner Sandbox', 'Partner Sandbox Group'],
		]);
		expect(items[1].json.theme).toBeNull();
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListSpaces');
		expect(request.json.variables).toEqual({});
	});

	it('applies Limit to the answer', async () => {
		const items = env.expectSuccess(await getMany({ returnAll: false, limit: 1 }));
		expect(items.map((item) => item.json.id)).toEqual([seedIds.SPACE_MAIN]);
	});

	it('outputs nothing when the account created no Space', async () => {
		env.answerOnce('ListSpaces', { data: { spaces: [] } });
		const result = await getMany({ returnAll: true });
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces')).toEqual([]);
	});

	it("Boomi error: a GraphQL error is the item's error", async () => {
		env.answerOnce('ListSpaces', { data: null, errors: [{ message: 'Downstream Execution Error: Unauthorized', path: ['spaces'], extensions: {} }] });
		const result = await getMany({ returnAll: true });
		env.expectBoomiError(result, /Downstream Execution Error: Unauthorized/);
	});

	it('bad input: a limit an expression got wrong is refused before any request', async () => {
		const result = await getMany({ returnAll: false, limit: '={{ $json.n }}' }, [{ n: 0 }]);
		env.expectBadInput(result, 'Limit must be a whole number of at least 1');
	});

	it('with Continue gives one outcome per item, paired', async () => {
		const result = await getMany({ returnAll: false, limit: '={{ $json.n }}' }, [{ n: 1 }, { n: -1 }], 'continueRegularOutput');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.id ?? item.json.error])).toEqual([
			[0, seedIds.SPACE_MAIN],
			[1, expect.stringMatching(/Limit/)],
		]);
	});
});
