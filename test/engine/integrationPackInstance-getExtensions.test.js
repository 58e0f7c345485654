// Get Extensions (per environment) through the n8n engine against the simulator.
const { encodeAttachmentId, seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { INSTANCE_ORDER_SYNC_EMEA: EMEA, INSTANCE_HR, ENV_PROD, ENV_TEST } = seedIds;

const environments = (...values) => ({ environment: values.map((value) => ({ environmentId: locator(value) })) });
const getExtensions = (instance, parameters = {}, items = [{}], onError) =>
	env.runNode(
		{ operation: 'getExtensions', parameters: { integrationPackInstanceId: locator(instance), returnAll: true, ...parameters }, onError },
		items,
	);

describe('Get Extensions through the n8n engine', () => {
	it('success: one item per environment, extensions parsed with their envExtensionId, map extensions unwrapped with their IDs', async () => {
		const { envExtensionId, mapExtensionId, processId } = env.sim.demo;
		const items = env.expectSuccess(await getExtensions(EMEA));

		expect(items).toHaveLength(1);
		const { json } = items[0];
		expect(json).toEqual({
			integrationPackInstanceId: EMEA,
			environmentId: ENV_PROD,
			attachmentId: encodeAttachmentId(EMEA, ENV_PROD),
			envExtensionId,
			environmentExtensions: expect.objectContaining({ '@type': 'EnvironmentExtensions', id: envExtensionId, environmentId: ENV_PROD }),
			mapExtensionIds: [mapExtensionId],
			environmentMapExtensions: [
				expect.objectContaining({ '@type': 'EnvironmentMapExtension', id: mapExtensionId, processId, name: 'Opportunity to Sales Order' }),
			],
		});
		expect(json.environmentExtensions.connections.connection.map((c) => c.name)).toEqual(['Salesforce', 'NetSuite']);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('GetIntegrationPackInstanceExtensions');
		expect(request.json.variables).toEqual({ integrationPackInstanceId: EMEA });
	});

	it('the environment filter sends the environment IDs; without it every attached environment comes back', async () => {
		expect(env.expectSuccess(await getExtensions(INSTANCE_HR)).map((item) => item.json.environmentId)).toEqual([ENV_PROD, ENV_TEST]);
		const filtered = env.expectSuccess(await getExtensions(INSTANCE_HR, { environmentIds: environments(`${ENV_TEST}, ${ENV_TEST}`) }));
		expect(filtered.map((item) => item.json.environmentId)).toEqual([ENV_TEST]);
		expect(env.graphqlRequests()[1].json.variables.environmentIds).toEqual([ENV_TEST]);
	});

	it("keeps JSON that does not parse as it came and names it, and drops Boomi's empty map-extension strings", async () => {
		env.answerOnce('GetIntegrationPackInstanceExtensions', {
			data: {
				integrationPackEnvironmentAttachments: [
					{ integrationPackInstanceId: EMEA, environmentExtensions: '{"@type":"Environment', environmentMapExtension: ['', '', 'not json', '{"@type":"BulkResult","response":[{"@type":"BulkResponse","statusCode":404}]}'] },
				],
			},
		});
		const [item] = env.expectSuccess(await getExtensions(EMEA));
		expect(item.json).toEqual({
			integrationPackInstanceId: EMEA,
			environmentId: null,
			attachmentId: null,
			envExtensionId: null,
			environmentExtensions: '{"@type":"Environment',
			mapExtensionIds: [],
			environmentMapExtensions: ['not json', { '@type': 'BulkResponse', statusCode: 404 }],
			unparsedFields: ['environmentExtensions', 'environmentMapExtension[2]'],
		});
	});

	it("Boomi error: an unknown instance is Boomi's IPACK_INSTANCE_ID_INVALID", async () => {
		env.expectBoomiError(await getExtensions('no-such-instance'), /^IPACK_INSTANCE_ID_INVALID/);
	});

	it('bad input: an empty environment entry is refused before any request', async () => {
		const result = await getExtensions(EMEA, { environmentIds: environments('') });
		const error = env.expectBadInput(result, 'The Environment ID is empty');
		expect(error.description).toMatch(/^Item 0: every entry under "Environments"/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await getExtensions('={{ $json.instance }}', {}, [{ instance: 'no-such-instance' }, { instance: EMEA }], 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([0]);
	});
});
