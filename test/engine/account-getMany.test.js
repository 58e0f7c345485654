// Account Get Many through the n8n engine against the simulator.
const { simulatorCredential, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const getMany = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'account', operation: 'getMany', parameters: { returnAll: true, ...parameters }, onError }, items);

describe("Get many accounts of the credential's Space through the n8n engine", () => {
	it('success: one item per account of the Space, its account ID and name', async () => {
		const result = await getMany();

		expect(env.expectSuccess(result).map((item) => item.json)).toEqual([
			{ id: env.sim.demo.accountId, name: 'Demo Company' },
			{ id: 'acme-retail-Q7R8S9', name: 'Acme Retail' },
			{ id: 'globex-logistics-K4L5M6', name: 'Globex Logistics' },
			{ id: 'acme-wholesale-T2U3V4', name: 'Acme Wholesale' },
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListSpaceAccounts');
		// No filter: Boomi's documented empty-string search.
		expect(request.json.variables).toEqual({ operator: 'CONTAINS', argument: '' });
		expect(request.headers.space_guid).toBe(env.sim.demo.spaceGuid);
	});

	it('filters by name: contains, starts with', async () => {
		const contains = env.expectSuccess(await getMany({ operator: 'CONTAINS', argument: 'acme' }));
		expect(contains.map((item) => item.json.name)).toEqual(['Acme Retail', 'Acme Wholesale']);
		const startsWith = env.expectSuccess(await getMany({ operator: 'STARTSWITH', argument: 'Glo' }));
		expect(startsWith.map((item) => item.json.name)).toEqual(['Globex Logistics']);
		expect(env.graphqlRequests().map((request) => request.json.variables)).toEqual([
			{ operator: 'CONTAINS', argument: 'acme' },
			{ operator: 'STARTSWITH', argument: 'Glo' },
		]);
	});

	it('applies Limit to the answer, and outputs nothing when nothing matches', async () => {
		expect(env.expectSuccess(await getMany({ returnAll: false, limit: 2 }))).toHaveLength(2);
		const none = await getMany({ operator: 'CONTAINS', argument: 'no such account' });
		expect(none.status).toBe('success');
		expect(none.output('Boomi Spaces')).toEqual([]);
	});

	it("Boomi error: a credential whose Space GUID names no Space of the account gets Boomi's SPACE_NOT_FOUND", async () => {
		useCredential(env.engine, simulatorCredential(env.sim, { spaceGuid: 'no-such-space' }));
		const result = await getMany();
		env.expectBoomiError(result, "SPACE_NOT_FOUND: Space 'no-such-space' was not found");
	});

	it("surfaces Boomi's documented 500 body as the item's error", async () => {
		env.answerOnce('ListSpaceAccounts', { data: null, errors: [{ message: 'Downstream Execution Error: Server Error', path: ['spaceAccounts'], extensions: {} }] });
		const result = await getMany();
		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/Downstream Execution Error: Server Error/);
	});

	it('bad input: a filter an expression got wrong is refused before any request', async () => {
		const result = await getMany({ operator: '={{ $json.op }}', argument: 'x' }, [{ op: 'ENDSWITH' }]);
		const error = env.expectBadInput(result, 'The Name Filter must be None, Name Contains or Name Starts With');
		expect(error.description).toMatch(/^Item 0: "Name Filter" is "ENDSWITH"/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await getMany({ operator: '={{ $json.op }}', argument: 'Acme' }, [{ op: 'ENDSWITH' }, { op: 'STARTSWITH' }], 'continueErrorOutput');
		expect(result.output('Boomi Spaces', 0).map((item) => [item.pairedItem.item, item.json.name])).toEqual([
			[1, 'Acme Retail'],
			[1, 'Acme Wholesale'],
		]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([0]);
	});
});
