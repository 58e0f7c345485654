// Space Create through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const create = (parameters, items = [{}], onError) => env.runNode({ resource: 'space', operation: 'create', parameters, onError }, items);

describe('Create a Space through the n8n engine', () => {
	it('success: creates a Space for a free account group with packs and accounts, outputs it with its Space ID', async () => {
		const accountGroupId = env.sim.demo.freeAccountGroupId;
		const result = await create({
			name: 'EMEA Resellers',
			accountGroupId,
			description: 'Packs for EMEA resellers',
			integrationPackIds: ` ${seedIds.PACK_ORDER_SYNC}, ,${seedIds.PACK_ORDER_SYNC}`,
			accountIds: '={{ $json.accounts }}',
		}, [{ accounts: ['acme-retail-Q7R8S9'] }]);

		const [item] = env.expectSuccess(result);
		const created = env.sim.state.spaces[2];
		expect(item.json).toEqual({
			id: created.id,
			name: 'EMEA Resellers',
			description: 'Packs for EMEA resellers',
			createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.0$/),
			createdByAccountId: env.sim.demo.accountId,
			modifiedDate: null,
			modifiedByAccountId: null,
			url: expect.stringContaining(created.id),
			accountGroup: { id: accountGroupId, name: 'EMEA Resellers Group' },
			theme: null,
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('CreateSpace');
		expect(request.json.variables).toEqual({
			name: 'EMEA Resellers',
			accountGroupId,
			description: 'Packs for EMEA resellers',
			sharingMode: 'ACCOUNT_GROUP',
			integrationPackIds: [seedIds.PACK_ORDER_SYNC],
			accountIds: ['acme-retail-Q7R8S9'],
		});
		expect(created).toMatchObject({ integrationPackIds: [seedIds.PACK_ORDER_SYNC], spaceAccounts: [{ id: 'acme-retail-Q7R8S9', name: 'Acme Retail' }] });
	});

	it('leaves the optional fields out when they are empty (no logo, no theme)', async () => {
		const result = await create({ name: 'Bare', accountGroupId: env.sim.demo.freeAccountGroupId });

		expect(env.expectSuccess(result)).toHaveLength(1);
		const [request] = env.graphqlRequests();
		expect(request.json.variables).toEqual({ name: 'Bare', accountGroupId: env.sim.demo.freeAccountGroupId, sharingMode: 'ACCOUNT_GROUP' });
		expect(request.json.query).not.toMatch(/theme\s*:|logo\s*:|Upload/);
	});

	it("Boomi error: an account group that already has a Space is Boomi's error", async () => {
		const result = await create({ name: 'Second', accountGroupId: seedIds.ACCOUNT_GROUP_MAIN });

		env.expectBoomiError(result, /^SPACE_EXISTS_FOR_ACCT_GRP/);
		expect(env.sim.state.spaces).toHaveLength(2);
	});

	it('bad input: an empty name is refused before any request', async () => {
		const result = await create({ name: '={{ $json.name }}', accountGroupId: env.sim.demo.freeAccountGroupId }, [{ name: '  ' }]);

		const error = env.expectBadInput(result, 'The Name is empty');
		expect(error.description).toMatch(/^Item 0: set "Name"/);
	});

	it('bad input: an empty account group ID or IDs that are not text are refused before any request', async () => {
		env.expectBadInput(await create({ name: 'X', accountGroupId: '={{ $json.group }}' }, [{}]), 'The Account Group ID is empty');
		const result = await create({ name: 'X', accountGroupId: 'g', accountIds: '={{ $json.accounts }}' }, [{ accounts: [{ id: 'a' }] }]);
		const error = env.expectBadInput(result, 'The Account IDs must be IDs as text');
		expect(error.description).toMatch(/^Item 0: "Account IDs" holds a/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await create(
			{ name: '={{ $json.name }}', accountGroupId: env.sim.demo.freeAccountGroupId },
			[{ name: 'First' }, { name: 'Second' }],
			'continueErrorOutput',
		);

		expect(result.output('Boomi Spaces', 0).map((item) => [item.pairedItem.item, item.json.name])).toEqual([[0, 'First']]);
		expect(result.output('Boomi Spaces', 1).map((item) => [item.pairedItem.item, item.json.error])).toEqual([[1, expect.stringMatching(/SPACE_EXISTS_FOR_ACCT_GRP/)]]);
	});
});
