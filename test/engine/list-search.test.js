// The resource locators' "From List" pickers: the node's listSearch methods
// called with n8n-core's own LoadOptionsContext (harness `listSearch`, built as
// n8n's REST API builds it for the editor), so the requests go through the
// credential's authenticate / preAuthentication like an execution's.
const { encodeAttachmentId, seedIds } = require('../simulator');
const { boomiNode, simulatorCredential, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ENV_PROD, ENV_TEST, ENV_DEV, INSTANCE_HR, INSTANCE_INVENTORY_US, INSTANCE_ORDER_SYNC_EMEA, INSTANCE_ORDER_SYNC_APAC } = seedIds;

const search = (methodName, filter, operation = 'attach') =>
	env.engine.listSearch({ node: boomiNode({ operation }), methodName, filter });

describe('list search (resource locator pickers)', () => {
	it('lists the installed instances by name, with the instance id as value', async () => {
		const { results } = await search('searchIntegrationPackInstances');

		expect(results).toEqual([
			{ name: 'Inventory - US Stores (Shopify Inventory Replication)', value: INSTANCE_INVENTORY_US },
			{ name: 'Order Sync - APAC (Salesforce to NetSuite Order Sync)', value: INSTANCE_ORDER_SYNC_APAC },
			{ name: 'Order Sync - EMEA (Salesforce to NetSuite Order Sync)', value: INSTANCE_ORDER_SYNC_EMEA },
			{ name: 'Workday Employee Onboarding', value: INSTANCE_HR },
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListIntegrationPackInstances');
		expect(request.headers.authorization).toMatch(/^Bearer /);
		// The JWT was minted through the credential's preAuthentication, as in an execution.
		expect(env.engine.events.preAuthentication.boomiSpacesApi).toBe(1);
		expect(env.mintRequests()).toHaveLength(1);
	});

	it('filters by the search text, case-insensitively, on name or id', async () => {
		expect((await search('searchIntegrationPackInstances', 'order sync')).results.map((r) => r.value)).toEqual([
			INSTANCE_ORDER_SYNC_APAC,
			INSTANCE_ORDER_SYNC_EMEA,
		]);
		expect((await search('searchEnvironments', ENV_DEV.slice(0, 8))).results).toEqual([
			{ name: 'Development (TEST)', value: ENV_DEV },
		]);
		expect((await search('searchEnvironments', 'no such thing')).results).toEqual([]);
	});

	it('lists the environments with their classification', async () => {
		expect((await search('searchEnvironments')).results).toEqual([
			{ name: 'Development (TEST)', value: ENV_DEV },
			{ name: 'Production (PROD)', value: ENV_PROD },
			{ name: 'Test (TEST)', value: ENV_TEST },
		]);
	});

	it('lists the processes of every instance as "<process> (<instance>)", valued by process id, one query per instance', async () => {
		const { results } = await search('searchProcesses');
		expect(results.length).toBeGreaterThan(0);
		expect(results).toContainEqual({ name: expect.stringMatching(/ \(.+\)$/), value: env.sim.demo.processId });
		expect(new Set(results.map((result) => result.value)).size).toBe(results.length);
		const names = env.graphqlRequests().map((request) => request.json.operationName);
		expect(names.filter((name) => name === 'ListProcessesForPicker')).toHaveLength(env.sim.state.instances.length);
	});

	it('Unattach lists the current attachments as "<instance> → <environment>", valued by attachment id', async () => {
		const { results } = await search('searchAttachments', undefined, 'unattach');

		expect(results).toEqual([
			{ name: 'Inventory - US Stores → Development', value: encodeAttachmentId(INSTANCE_INVENTORY_US, ENV_DEV) },
			{ name: 'Order Sync - EMEA → Production', value: encodeAttachmentId(INSTANCE_ORDER_SYNC_EMEA, ENV_PROD) },
			{ name: 'Workday Employee Onboarding → Production', value: encodeAttachmentId(INSTANCE_HR, ENV_PROD) },
			{ name: 'Workday Employee Onboarding → Test', value: encodeAttachmentId(INSTANCE_HR, ENV_TEST) },
		]);
		expect((await search('searchAttachments', '→ test', 'unattach')).results.map((r) => r.name)).toEqual([
			'Workday Employee Onboarding → Test',
		]);
	});

	it('returns an empty list only when there is really nothing', async () => {
		env.sim.state.attachments.splice(0);
		expect((await search('searchAttachments', undefined, 'unattach')).results).toEqual([]);
	});

	describe('failures throw a NodeApiError saying what could not be loaded, never an empty list', () => {
		it('bad API token', async () => {
			useCredential(env.engine, simulatorCredential(env.sim, { apiToken: 'wrong-token-0123456789' }));
			const error = await search('searchIntegrationPackInstances').catch((caught) => caught);

			expect(error.name).toBe('NodeApiError');
			expect(error.message).toMatch(/^Could not load the integration pack instances from Boomi Spaces: Could not get a Boomi JWT/);
			expect(error.description).toMatch(/credential/);
			expect(JSON.stringify({ ...error, message: error.message })).not.toContain('wrong-token-0123456789');
			expect(env.graphqlRequests()).toHaveLength(0);
		});

		it('wrong Space GUID (GraphQL error in an HTTP 200)', async () => {
			useCredential(env.engine, simulatorCredential(env.sim, { spaceGuid: '00000000-0000-0000-0000-000000000000' }));
			const error = await search('searchEnvironments').catch((caught) => caught);

			expect(error.name).toBe('NodeApiError');
			// n8n's editor splits a picker's message on dashes: the GUID travels in the description.
			expect(error.message).toBe('Could not load the environments from Boomi Spaces (SPACE_NOT_FOUND)');
			expect(error.description).toMatch(/^SPACE_NOT_FOUND: .*00000000-0000-0000-0000-000000000000.*Space GUID/);
			expect(error.httpCode).toBe('SPACE_NOT_FOUND');
		});

		it('Boomi down (HTTP 500)', async () => {
			env.sim.injectFault({ status: 500, times: 5 });
			const error = await search('searchAttachments', undefined, 'unattach').catch((caught) => caught);

			expect(error.name).toBe('NodeApiError');
			expect(error.message).toBe(
				'Could not load the environment attachments from Boomi Spaces: Downstream Execution Error: Server Error',
			);
			expect(error.httpCode).toBe('500');
		});

		it('Boomi unreachable', async () => {
			useCredential(env.engine, simulatorCredential(env.sim, { graphqlUrl: 'http://127.0.0.1:9/graphql' }));
			const error = await search('searchEnvironments').catch((caught) => caught);

			expect(error.name).toBe('NodeApiError');
			expect(error.message).toMatch(/^Could not load the environments from Boomi Spaces/);
			expect(error.description).toMatch(/connection/);
		});

		it('custom region without a GraphQL URL (a configuration problem)', async () => {
			useCredential(env.engine, simulatorCredential(env.sim, { graphqlUrl: '' }));
			const error = await search('searchEnvironments').catch((caught) => caught);

			expect(error.name).toBe('NodeApiError');
			expect(error.message).toMatch(/GraphQL URL is empty/);
			expect(error.description).toMatch(/Region/);
		});
	});
});
